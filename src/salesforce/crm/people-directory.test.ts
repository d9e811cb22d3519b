import { describe, expect, it } from 'vitest';
import { createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import { createPeopleDirectory } from './people-directory';

function compositeAnswer(requests: { referenceId: string }[]) {
  return requests.map((r) => ({
    referenceId: r.referenceId,
    httpStatusCode: 200,
    body: {
      totalSize: 1,
      done: true,
      records:
        r.referenceId === 'contacts'
          ? [{ Id: '0035e000000Jane01A', Name: 'Jane Doe', Email: 'jane.doe@acme.example', AccountId: '0015e000000Acme01A' }]
          : r.referenceId === 'contactAccounts'
            ? [
                {
                  Id: '0015e000000Acme01A',
                  Name: 'Acme Corporation',
                  Website: 'https://elsewhere.example',
                  Opportunities: { records: [{ Id: '0065e000000Opp001A', Name: 'Renewal', StageName: 'Proposal', Amount: 1 }] },
                },
              ]
            : r.referenceId === 'saved'
              ? [{ Id: '00T5e000000Task01A', Description: 'x\nMessage-ID: <m@x>' }]
              : [],
    },
  }));
}

describe('createPeopleDirectory', () => {
  it('costs one request, then none while cached, then one again after the TTL', async () => {
    let now = 1_000;
    const api = createFakeSalesforceApi({ composite: compositeAnswer });
    const directory = createPeopleDirectory(api, { ttlMs: 60_000, now: () => now, emailRecords: 'Task' });
    const input = { addresses: ['jane.doe@acme.example', 'new@acme.example'], savedEmail: { subject: 's', internetMessageId: '<m@x>' } };

    const first = await directory.lookup('owner-a', input);
    expect(first.requests).toBe(1);
    expect(first.byAddress.get('jane.doe@acme.example')?.contacts[0]?.name).toBe('Jane Doe');
    expect(first.savedEmail?.id).toBe('00T5e000000Task01A');

    expect(first.accountsById.get('0015e000000Acme01A')?.openOpportunities[0]?.name).toBe('Renewal');
    const again = await directory.lookup('owner-a', input);
    expect(again.requests).toBe(0);
    // The contact's account (matched by the semi-join, not by its website) is served from the cache too.
    expect(again.accountsById.get('0015e000000Acme01A')?.openOpportunities[0]?.name).toBe('Renewal');
    expect(again.byAddress.get('jane.doe@acme.example')?.contacts[0]?.name).toBe('Jane Doe');
    expect(api.calls).toHaveLength(1);

    now += 60_001;
    expect((await directory.lookup('owner-a', input)).requests).toBe(1);
    expect(api.calls).toHaveLength(2);
  });

  it('asks only for what is missing, and never shares between owners', async () => {
    const api = createFakeSalesforceApi({ composite: compositeAnswer });
    const directory = createPeopleDirectory(api);
    await directory.lookup('owner-a', { addresses: ['jane.doe@acme.example'] });
    await directory.lookup('owner-a', { addresses: ['jane.doe@acme.example', 'bob@globex.example'] });
    const second = api.calls[1]?.args[0] as { referenceId: string; url: string }[];
    expect(decodeURIComponent(second.find((s) => s.referenceId === 'contacts')?.url ?? '')).toContain("IN ('bob@globex.example')");
    expect(second.map((s) => s.referenceId)).toEqual(['contacts', 'leads', 'contactAccounts', 'accounts']);

    const other = await directory.lookup('owner-b', { addresses: ['jane.doe@acme.example'] });
    expect(other.requests).toBe(1);
  });

  it('shares one request between simultaneous lookups of the same email', async () => {
    const api = createFakeSalesforceApi({ composite: compositeAnswer });
    const directory = createPeopleDirectory(api);
    const input = { addresses: ['jane.doe@acme.example'] };
    await Promise.all([directory.lookup('o', input), directory.lookup('o', input)]);
    expect(api.calls).toHaveLength(1);
  });

  it('forgetAddress and rememberSaved change what the next lookup asks', async () => {
    const api = createFakeSalesforceApi({ composite: compositeAnswer });
    const directory = createPeopleDirectory(api);
    const input = { addresses: ['new@acme.example'], savedEmail: { subject: 's', internetMessageId: '<other@x>' } };
    const first = await directory.lookup('o', input);
    expect(first.savedEmail).toBeNull();
    directory.rememberSaved('o', '<other@x>', { id: '00T5e000000Task02A', whoId: null, whatId: null });
    expect((await directory.lookup('o', input)).savedEmail?.id).toBe('00T5e000000Task02A');
    expect(api.calls).toHaveLength(1);
    directory.forgetAddress('o', 'new@acme.example');
    expect((await directory.lookup('o', input)).requests).toBe(1);
  });

  it('asks for the EmailMessage first; an org without Enhanced Email costs a second request once, then Tasks', async () => {
    const absent = (requests: { referenceId: string }[]) =>
      compositeAnswer(requests).map((r) =>
        r.referenceId === 'savedEmailMessage' ? { ...r, httpStatusCode: 400, body: [{ errorCode: 'INVALID_TYPE', message: "sObject type 'EmailMessage' is not supported." }] } : r,
      );
    const api = createFakeSalesforceApi({ composite: absent });
    const directory = createPeopleDirectory(api);
    const first = await directory.lookup('o', { addresses: ['new@acme.example'], savedEmail: { subject: 's', internetMessageId: '<m@x>' } });
    expect(first.requests).toBe(2);
    expect(first.savedEmail?.id).toBe('00T5e000000Task01A');
    expect((api.calls[0]?.args[0] as { referenceId: string }[]).map((s) => s.referenceId)).toContain('savedEmailMessage');
    expect((api.calls[1]?.args[0] as { referenceId: string }[]).map((s) => s.referenceId)).toEqual(['saved']);
    const next = await directory.lookup('o', { addresses: ['new@acme.example'], savedEmail: { subject: 't', internetMessageId: '<n@x>' } });
    expect(next.requests).toBe(1);
    expect((api.calls[2]?.args[0] as { referenceId: string }[]).map((s) => s.referenceId)).toEqual(['saved']);
  });

  it('in an org with Enhanced Email, finds the EmailMessage with who saved it and when, in the one request', async () => {
    const enhanced = (requests: { referenceId: string }[]) =>
      compositeAnswer(requests).map((r) =>
        r.referenceId === 'savedEmailMessage'
          ? {
              ...r,
              body: {
                totalSize: 1,
                done: true,
                records: [
                  {
                    Id: '02s5e000000Mail01A',
                    RelatedToId: '0015e000000Acme01A',
                    CreatedDate: '2026-11-30T10:00:00.000+0000',
                    CreatedBy: { Name: 'Alex Second' },
                    EmailMessageRelations: { records: [{ RelationId: '0035e000000Jane01A' }] },
                  },
                ],
              },
            }
          : r,
      );
    const api = createFakeSalesforceApi({ composite: enhanced });
    const directory = createPeopleDirectory(api);
    const view = await directory.lookup('o', { addresses: ['jane.doe@acme.example'], savedEmail: { subject: 's', internetMessageId: '<m@x>' } });
    expect(view.requests).toBe(1);
    expect(view.savedEmail).toEqual({
      id: '02s5e000000Mail01A',
      whoId: '0035e000000Jane01A',
      whatId: '0015e000000Acme01A',
      sobject: 'EmailMessage',
      savedByName: 'Alex Second',
      savedAt: '2026-11-30T10:00:00.000+0000',
      personIds: ['0035e000000Jane01A'],
    });
  });
});
