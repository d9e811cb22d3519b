/**
 * The sample meetings the harness shows beside the emails: a single meeting the seller attends, an occurrence of a
 * recurring one (its own item id; `seriesId` names the series), and one the seller organizes, open in the organizer's
 * (compose) form and already saved in Outlook. Item ids are in the EWS form Outlook on the web gives (with `+`, `/`).
 */
import { BOB, JANE, PRIYA, SELLER, TOM, type SampleEmail } from './sample-emails';

export const SAMPLE_MEETINGS: SampleEmail[] = [
  {
    id: 'acme-review-meeting',
    label: 'Meeting: Acme quarterly review (attendee)',
    mode: 'read',
    subject: 'Acme quarterly review',
    from: JANE,
    to: [SELLER, BOB, JANE],
    cc: [],
    date: '2026-11-20T10:00:00.000Z',
    itemId: 'AAMkADHarnessMtg0001+acme/review=',
    body: 'Agenda:\n1. Usage numbers\n2. Renewal timeline\n3. Support upgrade',
    meeting: { start: '2026-12-01T15:00:00.000Z', end: '2026-12-01T15:45:00.000Z', location: 'Acme HQ, Room 4', organizer: JANE, optionalAttendees: [PRIYA] },
  },
  {
    id: 'globex-weekly-occurrence',
    label: 'Meeting: Globex weekly sync, one occurrence (attendee)',
    mode: 'read',
    subject: 'Globex weekly sync',
    from: PRIYA,
    to: [SELLER, PRIYA],
    cc: [],
    date: '2026-11-02T08:00:00.000Z',
    itemId: 'AAMkADHarnessMtg0002+globex/weekly/20261203=',
    body: 'Weekly check-in on the Globex evaluation.',
    meeting: {
      start: '2026-12-03T16:00:00.000Z',
      end: '2026-12-03T16:30:00.000Z',
      location: 'Teams',
      organizer: PRIYA,
      optionalAttendees: [],
      seriesId: 'AAMkADHarnessSeries0002+globex/weekly=',
    },
  },
  {
    id: 'initech-demo-organizer',
    label: 'Meeting: Initech demo (organizer, compose)',
    mode: 'compose',
    subject: 'Initech product demo',
    from: SELLER,
    to: [TOM],
    cc: [],
    itemId: 'AAMkADHarnessMtg0003+initech/demo=',
    body: 'Demo of the operations package for Tom.',
    meeting: { start: '2026-12-04T09:00:00.000Z', end: '2026-12-04T10:00:00.000Z', location: 'Initech office', organizer: SELLER, optionalAttendees: [] },
  },
];
