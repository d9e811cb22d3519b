/**
 * Save email through the product's executor, connection wrapper and real jsforce against the emulated org: an
 * EmailMessage with its relations where the org has Enhanced Email, a completed Task where it does not, and at most
 * one record per Message-ID whoever saves it, from whatever pane.
 */
import { describe, expect, it } from 'vitest';
import { executeOutboxAction } from '../../src/salesforce/outbox/outbox-executors';
import type { SaveEmailAction } from '../../src/salesforce/outbox/outbox';
import type { CompositeSubrequest, SalesforceApi } from '../../src/salesforce/salesforce-api';
import { createPeopleDirectory } from '../../src/salesforce/crm/people-directory';
import { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_LEADS, DEMO_USERS } from '../emulator/seed';
import { useEmulatedOrg } from './emulated-org-fixture';
import { connectionFor, signIn } from './connection-fixture';

const org = useEmulatedOrg();

async function sellerApi(user: { username: string; password: string } = { username: DEMO_USERS.seller.username, password: DEMO_USERS.seller.password }) {
  const { tokens, identity } = await signIn(org.url, user);
  const api = connectionFor(org.url);
  await api.start(tokens, identity);
  return api;
}

const MESSAGE_ID = '<quote-42@mail.acme.example>';

const action = (over: Partial<SaveEmailAction> = {}): SaveEmailAction => ({
  type: 'save_email',
  internetMessageId: MESSAGE_ID,
  subject: 'Quote for 500 widgets',
  bodyExcerpt: 'Please find the quote.',
  activityDate: '2026-11-30',
  whoId: DEMO_CONTACTS.jane.Id,
  whatId: DEMO_ACCOUNTS.acme.Id,
  label: 'Quote → Jane Doe',
  email: {
    from: { name: 'Jane Doe', address: 'jane.doe@acme.example' },
    to: [{ name: 'Sam Seller', address: 'seller@demo.example' }],
    cc: [
      { name: 'Bob Lee', address: 'bob.lee@acme.example' },
      { name: 'Tom Nguyen', address: 'tom.nguyen@initech.example' },
    ],
    date: '2026-11-30T09:15:00.000Z',
    htmlBody: `<p>${'Please find the quote. '.repeat(8000)}</p>`,
    textBody: 'Please find the quote. '.repeat(2000),
    incoming: true,
    people: [
      { id: DEMO_CONTACTS.jane.Id, relationType: 'FromAddress' },
      { id: DEMO_CONTACTS.bob.Id, relationType: 'CcAddress' },
      { id: DEMO_LEADS.tom.Id, relationType: 'CcAddress' },
    ],
  },
  ...over,
});

describe('save email', () => {
  it('with Enhanced Email: one EmailMessage with every person related and the account, bodies within the limits', async () => {
    const api = await sellerApi();
    const result = await executeOutboxAction(api, action(), { mayHaveLanded: false, key: 'entry-1' });
    expect(result).toMatchObject({ sobject: 'EmailMessage', adopted: false });
    const [email, ...others] = org.controls.records('EmailMessage');
    expect(others).toHaveLength(0);
    expect(email).toMatchObject({
      Id: result.id,
      Status: '1',
      Incoming: true,
      Subject: 'Quote for 500 widgets',
      FromAddress: 'jane.doe@acme.example',
      FromName: 'Jane Doe',
      ToAddress: 'seller@demo.example',
      CcAddress: 'bob.lee@acme.example; tom.nguyen@initech.example',
      MessageIdentifier: MESSAGE_ID,
      RelatedToId: DEMO_ACCOUNTS.acme.Id,
      CreatedById: DEMO_USERS.seller.id,
    });
    expect((email?.HtmlBody as string).length).toBe(131_072);
    expect((email?.TextBody as string).length).toBe(32_000);
    const relations = org.controls.records('EmailMessageRelation').map((r) => [r.RelationId, r.RelationType, r.EmailMessageId]);
    expect(relations).toEqual([
      [DEMO_CONTACTS.jane.Id, 'FromAddress', result.id],
      [DEMO_CONTACTS.bob.Id, 'CcAddress', result.id],
      [DEMO_LEADS.tom.Id, 'CcAddress', result.id],
    ]);
    expect(org.controls.records('Task').filter((t) => t.TaskSubtype === 'Email')).toHaveLength(0);
  });

  it('a second save by another seller, from another pane, adds nothing and finds who saved it and when', async () => {
    const sam = await sellerApi();
    const first = await executeOutboxAction(sam, action(), { mayHaveLanded: false, key: 'entry-1' });
    const alex = await sellerApi({ username: DEMO_USERS.second.username, password: DEMO_USERS.second.password });
    const second = await executeOutboxAction(alex, action(), { mayHaveLanded: false, key: 'entry-2' });
    expect(second).toEqual({ sobject: 'EmailMessage', id: first.id, adopted: true });
    expect(org.controls.records('EmailMessage')).toHaveLength(1);
    expect(org.controls.records('EmailMessageRelation')).toHaveLength(3);

    const view = await createPeopleDirectory(alex).lookup('alex', { addresses: ['jane.doe@acme.example'], savedEmail: { subject: 'Quote for 500 widgets', internetMessageId: MESSAGE_ID } });
    expect(view.requests).toBe(1);
    expect(view.savedEmail).toMatchObject({ id: first.id, sobject: 'EmailMessage', savedByName: 'Sam Seller', whatId: DEMO_ACCOUNTS.acme.Id });
    expect(view.savedEmail?.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(view.savedEmail?.personIds).toEqual([DEMO_CONTACTS.jane.Id, DEMO_CONTACTS.bob.Id, DEMO_LEADS.tom.Id]);
  });

  it('an attempt whose answer was lost is found by the next attempt, not made twice', async () => {
    const { tokens, identity } = await signIn(org.url);
    const api = connectionFor(org.url, {}, { requestTimeoutMs: 1500 });
    await api.start(tokens, identity);
    // The create (the composite with allOrNone) is carried out by the org, and its answer never comes.
    const losing: SalesforceApi = Object.assign(Object.create(api) as SalesforceApi, {
      composite: (requests: CompositeSubrequest[], options?: { allOrNone?: boolean }) => {
        if (options?.allOrNone) org.controls.hangNext({ pathPrefix: '/services/data/v62.0/composite', afterCommit: true });
        return api.composite(requests, options);
      },
    });
    await expect(executeOutboxAction(losing, action(), { mayHaveLanded: false, key: 'entry-1' })).rejects.toMatchObject({ failure: { kind: 'timeout' } });
    expect(org.controls.records('EmailMessage')).toHaveLength(1);
    const again = await executeOutboxAction(api, action(), { mayHaveLanded: true, key: 'entry-1' });
    expect(again).toEqual({ sobject: 'EmailMessage', id: org.controls.records('EmailMessage')[0]?.Id, adopted: true });
    expect(org.controls.records('EmailMessage')).toHaveLength(1);
    expect(org.controls.records('EmailMessageRelation')).toHaveLength(3);
  });

  it('without Enhanced Email: one completed Task, and a second save adopts it', async () => {
    org.controls.setPolicy({ enhancedEmail: false });
    const sam = await sellerApi();
    const first = await executeOutboxAction(sam, action(), { mayHaveLanded: false, key: 'entry-1' });
    expect(first).toMatchObject({ sobject: 'Task', adopted: false });
    const alex = await sellerApi({ username: DEMO_USERS.second.username, password: DEMO_USERS.second.password });
    expect(await executeOutboxAction(alex, action(), { mayHaveLanded: false, key: 'entry-2' })).toEqual({ sobject: 'Task', id: first.id, adopted: true });
    const tasks = org.controls.records('Task').filter((t) => t.TaskSubtype === 'Email');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ Status: 'Completed', WhoId: DEMO_CONTACTS.jane.Id, WhatId: DEMO_ACCOUNTS.acme.Id });

    const directory = createPeopleDirectory(alex);
    const view = await directory.lookup('alex', { addresses: ['jane.doe@acme.example'], savedEmail: { subject: 'Quote for 500 widgets', internetMessageId: MESSAGE_ID } });
    expect(view.savedEmail).toMatchObject({ id: first.id, sobject: 'Task', savedByName: 'Sam Seller' });
  });

  it('an email saved as a Task before the org turned Enhanced Email on is not saved again', async () => {
    org.controls.setPolicy({ enhancedEmail: false });
    const api = await sellerApi();
    const task = await executeOutboxAction(api, action(), { mayHaveLanded: false, key: 'entry-1' });
    org.controls.setPolicy({ enhancedEmail: true });
    expect(await executeOutboxAction(api, action(), { mayHaveLanded: false, key: 'entry-2' })).toEqual({ sobject: 'Task', id: task.id, adopted: true });
    expect(org.controls.records('EmailMessage')).toHaveLength(0);
  });

  it('an entry stored before the email content was kept still saves a Task', async () => {
    const api = await sellerApi();
    const { email: _dropped, ...old } = action();
    expect((await executeOutboxAction(api, old, { mayHaveLanded: false, key: 'entry-1' })).sobject).toBe('Task');
  });
});
