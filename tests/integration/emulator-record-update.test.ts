/**
 * Updating a record in the emulated org as Salesforce answers it: the demo org's Opportunity validation rules, the
 * field-level refusals of an update, `If-Unmodified-Since` on sObject Rows PATCH, and the control that changes a
 * record behind the seller's back. Over HTTP, so statuses and bodies are checked exactly as they leave the org.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulatedOrg } from './emulated-org-fixture';
import { DEMO_CONTACTS, DEMO_LEADS, DEMO_OPPORTUNITIES } from '../emulator/seed';
import { signInByHttp } from '../emulator/sign-in';
import { NEXT_STEP_RULE_MESSAGE } from '../emulator/rest/demo-validation-rules';

const org = useEmulatedOrg();
let token: string;

beforeEach(async () => {
  token = (await signInByHttp(org.url)).access_token;
});

async function patch(sobject: string, id: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${org.url}/services/data/v62.0/sobjects/${sobject}/${id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const record = (sobject: string, id: string) => org.controls.records(sobject).find((r) => r.Id === id);

describe('the demo org validation rules', () => {
  it('refuses a stage from Proposal on without a Next Step, on the NextStep field, and takes it with one', async () => {
    const id = DEMO_OPPORTUNITIES.acmeWidgets.Id;
    const refused = await patch('Opportunity', id, { StageName: 'Proposal/Price Quote' });
    expect(refused).toEqual({ status: 400, body: [{ message: NEXT_STEP_RULE_MESSAGE, errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['NextStep'] }] });
    expect(record('Opportunity', id)?.StageName).toBe('Prospecting');

    const saved = await patch('Opportunity', id, { StageName: 'Proposal/Price Quote', NextStep: 'Send the quote' });
    expect(saved.status).toBe(204);
    expect(record('Opportunity', id)).toMatchObject({ StageName: 'Proposal/Price Quote', NextStep: 'Send the quote' });
  });

  it('judges the record as it would be saved: clearing the Next Step of a record in Negotiation is refused too', async () => {
    const refused = await patch('Opportunity', DEMO_OPPORTUNITIES.acmeRenewal.Id, { NextStep: '' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject([{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['NextStep'] }]);
  });

  it('refuses Closed Won without an Amount, on the Amount field', async () => {
    const refused = await patch('Opportunity', DEMO_OPPORTUNITIES.globexPilot.Id, { StageName: 'Closed Won', NextStep: 'Kick-off', Amount: null });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject([{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['Amount'] }]);
  });
});

describe('field-level refusals of an update', () => {
  it('names the field for a bad picklist value and a value too long', async () => {
    const stage = await patch('Opportunity', DEMO_OPPORTUNITIES.acmeWidgets.Id, { StageName: 'Almost there' });
    expect(stage).toEqual({
      status: 400,
      body: [{ message: 'Stage: bad value for restricted picklist field: Almost there', errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['StageName'] }],
    });
    const status = await patch('Lead', DEMO_LEADS.tom.Id, { Status: 'Hot' });
    expect(status.body).toMatchObject([{ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Status'] }]);
    const title = await patch('Contact', DEMO_CONTACTS.jane.Id, { Title: 'x'.repeat(129) });
    expect(title.body).toMatchObject([{ errorCode: 'STRING_TOO_LONG', fields: ['Title'] }]);
  });

  it('refuses a malformed date or number as JSON_PARSER_ERROR, which names no field', async () => {
    const date = await patch('Opportunity', DEMO_OPPORTUNITIES.acmeWidgets.Id, { CloseDate: '30/06/2026' });
    expect(date.status).toBe(400);
    expect(date.body).toMatchObject([{ errorCode: 'JSON_PARSER_ERROR' }]);
    expect((date.body as Array<Record<string, unknown>>)[0]?.fields).toBeUndefined();
    const amount = await patch('Opportunity', DEMO_OPPORTUNITIES.acmeWidgets.Id, { Amount: '12,000' });
    expect(amount.body).toMatchObject([{ errorCode: 'JSON_PARSER_ERROR' }]);
  });
});

describe('If-Unmodified-Since on sObject Rows PATCH', () => {
  const id = DEMO_CONTACTS.jane.Id;
  const seededAt = 'Wed, 15 Jan 2025 09:00:00 GMT';

  it('updates a record not modified since the date', async () => {
    const saved = await patch('Contact', id, { Title: 'Chief Procurement Officer' }, { 'If-Unmodified-Since': seededAt });
    expect(saved.status).toBe(204);
    expect(record('Contact', id)?.Title).toBe('Chief Procurement Officer');
  });

  it('answers 412 and writes nothing when someone else changed the record since (the editRecord control)', async () => {
    const before = record('Contact', id)?.LastModifiedDate;
    const changed = org.controls.editRecord('Contact', id, { Phone: '+1 415 555 0199' });
    expect(changed.LastModifiedDate).not.toBe(before);
    expect(changed.LastModifiedById).toBe(org.controls.records('User').find((u) => u.Username === 'second@demo.example')?.Id);

    const refused = await patch('Contact', id, { Title: 'Chief Procurement Officer' }, { 'If-Unmodified-Since': seededAt });
    expect(refused.status).toBe(412);
    expect(record('Contact', id)).toMatchObject({ Title: 'VP Procurement', Phone: '+1 415 555 0199' });
  });

  it('answers 400 to a header that is not an HTTP-date, and writes nothing', async () => {
    const refused = await patch('Contact', id, { Title: 'Chief Procurement Officer' }, { 'If-Unmodified-Since': '2025-01-15T09:00:00Z' });
    expect(refused.status).toBe(400);
    expect(record('Contact', id)?.Title).toBe('VP Procurement');
  });

  it('the control is reachable over HTTP and refuses what the org would refuse', async () => {
    const post = (body: unknown) => fetch(`${org.url}/__emulator/edit-record`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await post({ sobject: 'Opportunity', id: DEMO_OPPORTUNITIES.acmeWidgets.Id, fields: { StageName: 'Needs Analysis' } });
    expect(ok.status).toBe(200);
    expect(record('Opportunity', DEMO_OPPORTUNITIES.acmeWidgets.Id)?.StageName).toBe('Needs Analysis');
    const refused = await post({ sobject: 'Opportunity', id: DEMO_OPPORTUNITIES.acmeWidgets.Id, fields: { StageName: 'Closed Won' } });
    expect(refused.status).toBe(400);
  });
});
