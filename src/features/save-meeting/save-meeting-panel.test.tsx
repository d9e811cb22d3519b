import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meetingKeyOf } from '../../host/meeting-key';
import { meetingFooter } from '../../salesforce/crm/save-meeting';
import type { SaveMeetingAction } from '../../salesforce/outbox/outbox';
import { ACME, JANE, knownPeople } from '../../testing/crm-fixtures';
import { appointmentComposeItem, appointmentReadItem } from '../../testing/fake-office';
import type { FakeEvent } from '../../testing/fake-crm';
import { renderWorkspace } from '../../testing/render-workspace';

/** The Event an earlier save of the sample meeting left, on 30 November (moved since) unless `changes` say otherwise. */
async function savedEvent(changes: Partial<FakeEvent> = {}): Promise<FakeEvent> {
  const key = await meetingKeyOf('seller@demo.example', 'AAMkAD+mtg/1=');
  return {
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
    ...changes,
  };
}

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
    const event = await savedEvent();
    renderWorkspace({ item: appointmentReadItem(), crm: { ...knownPeople(), events: [event] } });
    const panel = await screen.findByTestId('save-meeting-panel');
    expect(await within(panel).findByTestId('save-meeting-changed')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Update in Salesforce' })).toBeTruthy();
  });

  it('a meeting saved as it is: Saved, by whom, at once', async () => {
    const event = await savedEvent({ Id: '00U5e000000Evt01AA', StartDateTime: '2026-12-01T15:00:00.000+0000', EndDateTime: '2026-12-01T15:45:00.000+0000', WhatId: null });
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

describe('Save meeting linked to any record found by search', () => {
  const CASE = { attributes: { type: 'Case' }, Id: '5005e000000Case01A', CaseNumber: '00001001', Subject: 'Widget line outage' };
  const CONTACT = { attributes: { type: 'Contact' }, Id: '0035e000000Ann01AA', Name: 'Ann Other', Account: { Name: 'Globex' } };
  const searching = (record: object) => ({ recentItems: () => [], search: () => ({ searchRecords: [record] }) });

  async function link(user: ReturnType<typeof renderWorkspace>['user'], text: string, name: RegExp) {
    const panel = await screen.findByTestId('save-meeting-panel');
    await user.click(await within(panel).findByRole('button', { name: 'Link to another record…' }));
    await user.type(within(panel).getByRole('searchbox', { name: 'Link to another record' }), text);
    await user.click(await within(panel).findByRole('button', { name }));
    return panel;
  }

  it('a case picked from Save meeting is what the Event is related to', async () => {
    const { crm, outbox, owner, user } = renderWorkspace({ item: appointmentReadItem(), crm: knownPeople(), apiHandlers: searching(CASE) });
    const panel = await link(user, 'outage', /^Link to\s*00001001/);
    expect(within(panel).getByTestId('record-link-linked').textContent).toBe('Linked to 00001001 (Case)');
    expect(within(panel).getByTestId<HTMLSelectElement>('save-meeting-what').value).toBe(CASE.Id);

    await user.click(within(panel).getByRole('button', { name: 'Save meeting' }));
    expect(await within(panel).findByText('Saved in Salesforce')).toBeTruthy();
    const [entry] = await outbox!.list(owner);
    expect(entry?.action).toMatchObject({ peopleIds: [JANE.Id], linked: { sobject: 'Case', id: CASE.Id } });
    expect((entry?.action as SaveMeetingAction).whatId).toBeUndefined();
    expect(crm.events[0]).toMatchObject({ WhoId: JANE.Id, WhatId: CASE.Id });
  });

  it('a contact picked from Save meeting is the main contact', async () => {
    const { crm, outbox, owner, user } = renderWorkspace({ item: appointmentReadItem(), crm: knownPeople(), apiHandlers: searching(CONTACT) });
    const panel = await link(user, 'ann', /^Link to\s*Ann Other/);
    expect(within(panel).getByTestId<HTMLSelectElement>('save-meeting-primary').value).toBe(CONTACT.Id);

    await user.click(within(panel).getByRole('button', { name: 'Save meeting' }));
    expect(await within(panel).findByText('Saved in Salesforce')).toBeTruthy();
    const [entry] = await outbox!.list(owner);
    expect(entry?.action).toMatchObject({ peopleIds: [CONTACT.Id, JANE.Id], linked: { sobject: 'Contact', id: CONTACT.Id } });
    expect(crm.events[0]?.WhoId).toBe(CONTACT.Id);
  });

  it('updating a moved meeting keeps the record it was linked to, unless the seller picks another', async () => {
    const event = await savedEvent({ WhatId: CASE.Id });
    const update = async (pick?: string) => {
      const rendered = renderWorkspace({ item: appointmentReadItem(), crm: { ...knownPeople(), events: [event] } });
      const panel = await screen.findByTestId('save-meeting-panel');
      await within(panel).findByTestId('save-meeting-changed');
      const what = within(panel).getByTestId<HTMLSelectElement>('save-meeting-what');
      expect(what.value).toBe(CASE.Id);
      // Kept or replaced: "none" is not offered, so a move never drops the link by itself.
      expect([...what.options].map((o) => o.text).slice(0, 2)).toEqual(['As saved (kept)', 'Account: Acme Corporation']);
      expect([...what.options].some((o) => o.value === '')).toBe(false);
      if (pick) await rendered.user.selectOptions(what, pick);
      await rendered.user.click(within(panel).getByRole('button', { name: 'Update in Salesforce' }));
      let action: SaveMeetingAction | undefined;
      await waitFor(async () => {
        action = (await rendered.outbox!.list(rendered.owner))[0]?.action as SaveMeetingAction;
        expect(action).toBeDefined();
      });
      rendered.unmount();
      return action;
    };
    expect(await update()).toMatchObject({ whatId: CASE.Id });
    expect(await update(ACME.Id)).toMatchObject({ whatId: ACME.Id });
  });
});
