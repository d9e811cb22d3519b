import { describe, expect, it } from 'vitest';
import type { EmailContext } from '../../host/office-host';
import type { PersonMatch } from '../../salesforce/crm/crm-records';
import { saveEmailContentOf } from './email-content';

const person = (id: string, email: string, kind: 'contact' | 'lead' = 'contact'): PersonMatch =>
  kind === 'contact'
    ? { kind, id, name: email, title: null, phone: null, email, accountId: null, accountName: null, ownerName: null }
    : { kind, id, name: email, title: null, phone: null, email, company: null, status: null, ownerName: null };

const context: EmailContext = {
  mode: 'read',
  internetMessageId: '<m@x>',
  subject: 'Hi',
  from: { name: 'Priya', address: 'Priya@Globex.example' },
  to: [{ name: 'Sales Team', address: 'sales-team@demo.example' }],
  cc: [{ name: 'Bob', address: 'bob.lee@acme.example' }],
  bodyExcerpt: 'b',
  htmlBody: '<p>b</p>',
  textBody: 'b',
  date: '2025-05-15T11:20:00.000Z',
  shared: { owner: 'sales-team@demo.example' },
};

describe('saveEmailContentOf', () => {
  it('relates every Salesforce person by their place on the email, and keeps the bodies', () => {
    const content = saveEmailContentOf(context, [person('0035e000000Priya1A', 'priya@globex.example'), person('0035e000000Bob001A', 'bob.lee@acme.example')], ['seller@demo.example']);
    expect(content.people).toEqual([
      { id: '0035e000000Priya1A', relationType: 'FromAddress' },
      { id: '0035e000000Bob001A', relationType: 'CcAddress' },
    ]);
    expect(content).toMatchObject({ incoming: true, htmlBody: '<p>b</p>', textBody: 'b', date: '2025-05-15T11:20:00.000Z', from: { address: 'Priya@Globex.example' } });
  });

  it('an email from the seller, the Outlook user or the shared mailbox is a sent one', () => {
    expect(saveEmailContentOf({ ...context, from: { name: 'Sam', address: 'SELLER@demo.example' } }, [], ['seller@demo.example']).incoming).toBe(false);
    expect(saveEmailContentOf({ ...context, from: { name: 'Team', address: 'sales-team@demo.example' } }, [], []).incoming).toBe(false);
    expect(saveEmailContentOf({ ...context, shared: undefined, mailboxUser: 'me@demo.example', from: { name: 'Me', address: 'me@demo.example' } }, [], []).incoming).toBe(false);
  });
});
