/**
 * Fuzzing the readers of Salesforce's answers (fast-check, fixed seed, bounded runs): the composite answer of a
 * people lookup and the saved-email query are outside input too (a gateway, a managed package's field, a proxy). Any
 * answer gives people of the right shape, or a SalesforceFailureError; nothing else is thrown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SalesforceFailureError } from '../failure-kinds';
import type { CompositeSubresponse } from '../salesforce-api';
import { parsePeopleLookup, type PeopleLookupRequest } from './people-lookup';
import { findSavedEmailTask } from './save-email';

const RUNS = { seed: 5150, numRuns: 300 };
const REQUEST: PeopleLookupRequest = { addresses: ['jane.doe@acme.example'], domains: ['acme.example'], savedEmail: { subject: 'Hello', internetMessageId: '<m1@x>' } };

const field = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('0035e000000Jane01A', 'jane.doe@acme.example', 'https://acme.example', null));
const record = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.record(
    {
      Id: field,
      Email: field,
      Name: field,
      AccountId: field,
      Website: field,
      Description: fc.oneof(field, fc.constant('Body\n\nMessage-ID: <m1@x>')),
      Opportunities: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({ records: fc.array(fc.record({ Id: field, Name: field, StageName: field, Amount: field, CloseDate: field }, { requiredKeys: [] }), { maxLength: 3 }) }),
      ),
      Account: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  ),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    { totalSize: fc.jsonValue({ maxDepth: 1 }), done: fc.jsonValue({ maxDepth: 1 }), records: fc.oneof(fc.array(record, { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })) },
    { requiredKeys: [] },
  ),
);
const subresponse = (referenceId: string): fc.Arbitrary<CompositeSubresponse> =>
  fc.record({ referenceId: fc.oneof(fc.constant(referenceId), fc.string({ maxLength: 8 })), httpStatusCode: fc.oneof(fc.constant(200), fc.integer({ min: 0, max: 600 })), body });
const responses = fc
  .tuple(subresponse('contacts'), subresponse('leads'), subresponse('contactAccounts'), subresponse('accounts'), subresponse('saved'))
  .chain((all) => fc.shuffledSubarray(all));

describe('Salesforce answers (fuzzed)', () => {
  it('parsePeopleLookup: people of the right shape, or a SalesforceFailureError', () => {
    fc.assert(
      fc.property(responses, (answer) => {
        try {
          const result = parsePeopleLookup(REQUEST, answer);
          for (const lookup of result.byAddress.values()) {
            for (const person of [...lookup.contacts, ...lookup.leads]) {
              expect(typeof person.id).toBe('string');
              expect(typeof person.name).toBe('string');
            }
          }
          for (const accounts of result.accountsByDomain.values()) for (const account of accounts) expect(Array.isArray(account.openOpportunities)).toBe(true);
        } catch (error) {
          if (!(error instanceof SalesforceFailureError)) throw new Error(`threw past the boundary: ${String(error)}`, { cause: error });
        }
      }),
      RUNS,
    );
  });

  it('findSavedEmailTask: a task with a Salesforce id, or null; never a throw', () => {
    fc.assert(
      fc.property(body, (answer) => {
        const found = findSavedEmailTask(answer, '<m1@x>');
        expect(found === null || /^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/.test(found.id)).toBe(true);
      }),
      RUNS,
    );
  });
});
