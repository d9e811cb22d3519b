/**
 * The product against the emulated org's rules, through the real connection wrapper (real jsforce over loopback HTTP):
 * the people of an email with many addresses stay within Composite's limits (25 subrequests, 5 of them queries), and
 * each field-level refusal of "Create contact" (length, email format) lands on the form field it names, in
 * Salesforce's words.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_CONTACTS } from '../emulator/seed';
import { useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';
import { failureOf, logMark, readLog } from './connection-fixture';
import { createPeopleDirectory } from '../../src/salesforce/crm/people-directory';
import { buildPeopleLookup } from '../../src/salesforce/crm/people-lookup';
import { checkContactDraft, contactActionOf, executeCreateContact, placeRefusal, type ContactDraft, type ContactFieldName } from '../../src/salesforce/crm/create-contact';
import { peopleOfEmail } from '../../src/salesforce/crm/email-addresses';
import { refusalText } from '../../src/components/refusal-text';
import type { EmailContext } from '../../src/host/office-host';

const org = useEmulatedOrg();
const api = useSellerConnection(org);

/** An email to 80 people at 60 companies (and the seeded Jane), as Outlook hands it to the pane. */
function crowdedEmail(): EmailContext {
  const to = Array.from({ length: 80 }, (_, i) => ({ address: `person${i}@company${i % 60}.example`, name: `Person ${i}` }));
  return {
    mode: 'read',
    internetMessageId: '<crowd-0001@acme.example>',
    subject: 'All hands',
    from: { address: 'jane.doe@acme.example', name: 'Jane Doe' },
    to,
    cc: [{ address: 'priya@globex.example', name: 'Priya' }],
    bodyExcerpt: '',
  };
}

describe('composite limits', () => {
  it('the people of an email with many addresses: one composite the org accepts, at most 5 queries of at most 25 subrequests', async () => {
    const people = peopleOfEmail(crowdedEmail(), 'seller@demo.example');
    const addresses = people.map((p) => p.address);
    expect(addresses.length).toBeGreaterThan(25);

    const subrequests = buildPeopleLookup(api.apiPath, {
      addresses,
      domains: addresses.map((a) => a.slice(a.indexOf('@') + 1)),
      savedEmail: { subject: 'All hands', internetMessageId: '<crowd-0001@acme.example>' },
    });
    expect(subrequests.length).toBeLessThanOrEqual(5);

    const directory = createPeopleDirectory(api);
    const mark = await logMark(org.url);
    const view = await directory.lookup('owner', { addresses, savedEmail: { subject: 'All hands', internetMessageId: '<crowd-0001@acme.example>' } });
    const calls = (await readLog(org.url)).slice(mark).filter((e) => e.area === 'rest');
    expect(calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual(['POST /services/data/v62.0/composite 200']);
    expect(view.byAddress.get('jane.doe@acme.example')?.contacts[0]?.id).toBe(DEMO_CONTACTS.jane.Id);
    expect(view.byAddress.size).toBe(addresses.length);
    expect(view.savedEmail).toBeNull();
  });

  it('the org refuses a composite of 6 queries, so the limit above is real', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({
      method: 'GET' as const,
      referenceId: `q${i}`,
      url: `${api.apiPath}/query?q=${encodeURIComponent('SELECT Id FROM Contact LIMIT 1')}`,
    }));
    const failure = await api.composite(six).then(
      () => undefined,
      (error: unknown) => failureOf(error),
    );
    expect(failure?.code).toBe('LIMIT_EXCEEDED');
  });
});

describe("create contact: Salesforce's field refusals land on their fields", () => {
  const draft = (patch: Partial<ContactDraft>): ContactDraft => ({ FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@analytical.example', Title: '', Phone: '', AccountId: '', ...patch });

  it.each<[string, Partial<ContactDraft>, ContactFieldName, string, string]>([
    [
      'an email the form lets through but Salesforce refuses',
      { Email: 'ada..lovelace@analytical.example' },
      'Email',
      'INVALID_EMAIL_ADDRESS',
      'Email: invalid email address: ada..lovelace@analytical.example',
    ],
    ['a last name over 80 characters', { LastName: 'L'.repeat(81) }, 'LastName', 'STRING_TOO_LONG', `Last Name: data value too large: ${'L'.repeat(81)} (max length=80)`],
    ['a first name over 40 characters', { FirstName: 'F'.repeat(41) }, 'FirstName', 'STRING_TOO_LONG', `First Name: data value too large: ${'F'.repeat(41)} (max length=40)`],
    ['a title over 128 characters', { Title: 'T'.repeat(129) }, 'Title', 'STRING_TOO_LONG', `Title: data value too large: ${'T'.repeat(129)} (max length=128)`],
    ['a phone over 40 characters', { Phone: '1'.repeat(41) }, 'Phone', 'STRING_TOO_LONG', `Business Phone: data value too large: ${'1'.repeat(41)} (max length=40)`],
  ])('%s: refused with the field named, shown on that field', async (_label, patch, field, code, message) => {
    const action = contactActionOf(draft(patch), 'client-key-1', 'Ada Lovelace');
    const failure = await executeCreateContact(api, action, { mayHaveLanded: false }).then(
      () => undefined,
      (error: unknown) => failureOf(error),
    );
    expect(failure).toMatchObject({ kind: 'validation', code, fields: [field], detail: message });
    if (!failure) return;
    const placed = placeRefusal(failure);
    expect(placed).toEqual({ fields: [field], formLevel: false });
    expect(refusalText(failure, placed.fields, field, 'Required', 'en')).toBe(message);
    for (const other of ['FirstName', 'LastName', 'Email', 'Title', 'Phone'] as const) {
      if (other !== field) expect(refusalText(failure, placed.fields, other, 'Required', 'en')).toBeUndefined();
    }
  });

  it('the form itself stops what Salesforce would surely refuse for length, before sending', () => {
    expect(checkContactDraft(draft({ LastName: 'L'.repeat(81), Title: 'T'.repeat(129), FirstName: 'F'.repeat(41), Phone: '1'.repeat(41) }))).toEqual({
      LastName: 'too_long',
      Title: 'too_long',
      FirstName: 'too_long',
      Phone: 'too_long',
    });
  });
});
