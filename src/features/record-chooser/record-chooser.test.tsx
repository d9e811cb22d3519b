import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ContactMatch, LeadMatch } from '../../salesforce/crm/crm-records';
import { renderInFluent } from '../../testing/render-workspace';
import { RecordChooser } from './record-chooser';

const base = { title: null, phone: null, email: 'alex.kim@globex.example', ownerName: null };
const buyer: ContactMatch = { ...base, kind: 'contact', id: '0035e0000000004AAA', name: 'Alex Kim', title: 'Buyer', accountId: null, accountName: 'Globex' };
const finance: ContactMatch = { ...base, kind: 'contact', id: '0035e0000000005AAA', name: 'Alexandra Kim', accountId: null, accountName: 'Globex' };
const lead: LeadMatch = { ...base, kind: 'lead', id: '00Q5e0000000002AAA', name: 'Alex Kim', company: 'Globex', status: null };

describe('RecordChooser', () => {
  it('a labelled group of radios; moving through them chooses nothing until Use this one', async () => {
    const onChoose = vi.fn();
    const { user } = renderInFluent(<RecordChooser address="alex.kim@globex.example" matches={[buyer, finance, lead]} onChoose={onChoose} locale="en-US" />);
    const group = screen.getByRole('group', { name: '3 people in Salesforce have the address alex.kim@globex.example. Who is this?' });
    expect(group).toBeTruthy();
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    expect(screen.getByRole('radio', { name: 'Alex Kim · Lead · Globex' })).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Alex Kim · Contact · Buyer · Globex' }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(onChoose).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Use this one' }));
    expect(onChoose).toHaveBeenCalledWith(lead);
  });

  it('once chosen: one line, with Change naming the address', async () => {
    const { user } = renderInFluent(<RecordChooser address="alex.kim@globex.example" matches={[buyer, finance]} chosenId={finance.id} followed onChoose={() => undefined} locale="fr-FR" />);
    expect(screen.getByTestId('record-chooser-chosen').textContent).toContain('Choisi parmi 2 correspondances pour alex.kim@globex.example');
    expect(screen.getByTestId('record-chooser-chosen').textContent).toContain('La piste choisie a été convertie');
    await user.click(screen.getByRole('button', { name: 'Changer qui est alex.kim@globex.example' }));
    expect(screen.getByRole('radio', { name: /^Alexandra Kim/ })).toHaveProperty('checked', true);
  });
});
