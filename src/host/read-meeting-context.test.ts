import { describe, expect, it } from 'vitest';
import { appointmentComposeItem, appointmentReadItem, createFakeOffice, readItem } from '../testing/fake-office';
import { createOfficeHost } from './create-office-host';
import { MEETING_KEY_PREFIX, meetingKeyOf, toRestId } from './meeting-key';

describe('meeting key', () => {
  it('is the same for the EWS and REST forms of one id, and differs by mailbox and by item', async () => {
    expect(toRestId('AAMk+a/b=')).toBe('AAMk_a-b=');
    const ews = await meetingKeyOf('Seller@Demo.example', 'AAMk+a/b=');
    expect(ews).toBe(await meetingKeyOf('seller@demo.example', 'AAMk_a-b='));
    expect(ews.startsWith(MEETING_KEY_PREFIX)).toBe(true);
    expect(ews.length).toBeLessThan(60);
    expect(ews).not.toBe(await meetingKeyOf('second@demo.example', 'AAMk+a/b='));
    expect(ews).not.toBe(await meetingKeyOf('seller@demo.example', 'AAMk+a/c='));
  });
});

describe('getMeetingContext', () => {
  it('reads an attendee appointment in read mode, with its key', async () => {
    const fake = createFakeOffice({ item: appointmentReadItem({ seriesId: 'AAMk-series' }) });
    const context = await createOfficeHost(fake.office).getMeetingContext?.();
    expect(context).toEqual({
      mode: 'read',
      role: 'attendee',
      meetingKey: await meetingKeyOf('seller@demo.example', 'AAMkAD+mtg/1='),
      seriesId: 'AAMk-series',
      subject: 'Acme quarterly review',
      start: '2026-12-01T15:00:00.000Z',
      end: '2026-12-01T15:45:00.000Z',
      isAllDay: false,
      location: 'Room 4',
      organizer: { name: 'Jane Doe', address: 'jane.doe@acme.example' },
      requiredAttendees: [
        { name: 'Sam Seller', address: 'seller@demo.example' },
        { name: 'Bob Lee', address: 'bob.lee@acme.example' },
      ],
      optionalAttendees: [],
      bodyExcerpt: 'Agenda: numbers',
    });
  });

  it('is the organizer in read mode when the mailbox organizes it', async () => {
    const fake = createFakeOffice({ item: appointmentReadItem({ organizer: { displayName: 'Sam', emailAddress: 'SELLER@demo.example' } }) });
    expect((await createOfficeHost(fake.office).getMeetingContext?.())?.role).toBe('organizer');
  });

  it('reads the organizer form: a key once Outlook saved the item, none before', async () => {
    const saved = createFakeOffice({ item: appointmentComposeItem({ itemId: 'AAMk+saved' }) });
    const context = await createOfficeHost(saved.office).getMeetingContext?.();
    expect(context).toMatchObject({ mode: 'compose', role: 'organizer', subject: 'Globex kick-off', location: 'Teams', start: '2026-12-02T09:00:00.000Z' });
    expect(context?.meetingKey).toBe(await meetingKeyOf('seller@demo.example', 'AAMk_saved'));
    const unsaved = createFakeOffice({ item: appointmentComposeItem() });
    const draft = await createOfficeHost(unsaved.office).getMeetingContext?.();
    expect(draft?.mode).toBe('compose');
    expect(draft?.meetingKey).toBeUndefined();
  });

  it("hears the organizer's form change the time (AppointmentTimeChanged), on the item on show", async () => {
    const fake = createFakeOffice({ item: appointmentComposeItem({ itemId: 'AAMk+saved' }) });
    const host = createOfficeHost(fake.office);
    let heard = 0;
    const off = host.onMeetingTimeChanged?.(() => heard++);
    fake.itemHandlers.get('olkAppointmentTimeChanged')?.();
    expect(heard).toBe(1);
    // Another item: its own handler, added when Outlook says the item changed.
    fake.setItem(appointmentComposeItem({ itemId: 'AAMk+other' }));
    fake.fireMailbox('olkItemSelectedChanged');
    fake.itemHandlers.get('olkAppointmentTimeChanged')?.();
    expect(heard).toBe(2);
    // A message takes no such handler.
    fake.setItem(readItem());
    fake.fireMailbox('olkItemSelectedChanged');
    expect(fake.itemHandlers.has('olkAppointmentTimeChanged')).toBe(false);
    off?.();
  });

  it('is null for a message or no item', async () => {
    expect(await createOfficeHost(createFakeOffice({ item: readItem() }).office).getMeetingContext?.()).toBeNull();
    expect(await createOfficeHost(createFakeOffice().office).getMeetingContext?.()).toBeNull();
  });
});
