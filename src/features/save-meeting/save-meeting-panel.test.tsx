import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meetingKeyOf } from '../../host/meeting-key';
import { meetingFooter } from '../../salesforce/crm/save-meeting';
import type { SaveMeetingAction } from '../../salesforce/outbox/outbox';
import { ACME, JANE, knownPeople } from '../../testing/crm-fixtures';
import { appointmentComposeItem, appointmentReadItem } from '../../testing/fake-office';
import { renderWorkspace } from '../../testing/render-workspace';

describe('Save meeting in the workspace', () => {
  it('shows the people behind the attendees, then saves the meeting on the contact and the account, and says Saved', async () => {
    const { crm, outbox, owner, user } = renderWorkspace({ item: appointmentReadItem(), crm: knownPeople() });
    expect(await screen.findByRole('heading', { level: 1, name: 'People in this meeting' })).toBeTruthy();
    const panel = await screen.findByTestId('save-meeting-panel');
    expect(within(panel).getByRole('heading', { level: 2, name: 'Save this meeting to Salesforce' })).toBeTruthy();
    expect(within(panel).getByText('Acme quarterly review')).toBeTruthy();
    expect(within(panel).getByText('Organized by Jane Doe')).toBeTruthy();
    expect(within(panel).getByTestId('meeting-when').textContent).toContain('Room 4');
    expect(screen.getAllByText('Jane Doe').length).toBeGreaterThan(0);
    expect(screen.queryByTestId('save-email-panel')).toBeNull();
    expect(crm.lookups).toBe(1);

    await user.click(within(panel).getByRole('button', { name: 'Save meeting' }));
    expect(await within(panel).findByText('Saved in Salesforce')).toBeTruthy();
    const [entry] = await outbox!.list(owner);
    const action = entry?.action as SaveMeetingAction;
    expect(action).toMatchObject({
      type: 'save_meeting',
      meetingKey: await meetingKeyOf('seller@demo.example', 'AAMkAD+mtg/1='),
      subject: 'Acme quarterly review',
      start: '2026-12-01T15:00:00.000Z',
      end: '2026-12-01T15:45:00.000Z',
      location: 'Room 4',
      peopleIds: [JANE.Id],
      whatId: ACME.Id,
    });
    expect(crm.events).toHaveLength(1);
    expect(within(panel).getByTestId('saved-event-link').getAttribute('href')).toContain(`/lightning/r/Event/${crm.events[0]?.Id}/view`);
  });

  it('a meeting saved before and moved since: says so and offers to update its Event', async () => {
    const key = await meetingKeyOf('seller@demo.example', 'AAMkAD+mtg/1=');
    const event = {
      Id: '00U5e000000Evt02AA',
      Subject: 'Acme quarterly review',
      StartDateTime: '2026-11-30T15:00:00.000+0000',
      EndDateTime: '2026-11-30T15:45:00.000+0000',
      Location: 'Room 4',
      Description: `Agenda\n\n${meetingFooter(key)}`,
      WhoId: JANE.Id,
      WhatId: ACME.Id,
      CreatedBy: { Name: 'Sam Seller' },
      CreatedDate: '2026-11-20T10:00:00.000+0000',
    };
    renderWorkspace({ item: appointmentReadItem(), crm: { ...knownPeople(), events: [event] } });
    const panel = await screen.findByTestId('save-meeting-panel');
    expect(await within(panel).findByTestId('save-meeting-changed')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Update in Salesforce' })).toBeTruthy();
  });

  it('a meeting saved as it is: Saved, by whom, at once', async () => {
    const key = await meetingKeyOf('seller@demo.example', 'AAMkAD+mtg/1=');
    const event = {
      Id: '00U5e000000Evt01AA',
      Subject: 'Acme quarterly review',
      StartDateTime: '2026-12-01T15:00:00.000+0000',
      EndDateTime: '2026-12-01T15:45:00.000+0000',
      Location: 'Room 4',
      Description: meetingFooter(key),
      WhoId: JANE.Id,
      WhatId: null,
      CreatedBy: { Name: 'Sam Seller' },
      CreatedDate: '2026-11-20T10:00:00.000+0000',
    };
    renderWorkspace({ item: appointmentReadItem(), crm: { ...knownPeople(), events: [event] } });
    const saved = await screen.findByTestId('save-meeting-saved');
    expect(saved.textContent).toContain('Saved by Sam Seller');
  });

  it("the organizer's form before Outlook saved the meeting: asks to save or send it first", async () => {
    renderWorkspace({ item: appointmentComposeItem(), crm: knownPeople() });
    expect(await screen.findByTestId('save-meeting-needs-saved-item')).toBeTruthy();
    expect(screen.getByText('You organize this meeting')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save meeting' })).toBeNull());
  });
});
