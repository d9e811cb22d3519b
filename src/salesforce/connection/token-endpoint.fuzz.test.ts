/**
 * Fuzzing the refresh's reader of the token endpoint's answer (fast-check, fixed seed, bounded runs): any status and
 * body give tokens of the right shape or an OAuthEndpointError the classifier reads, never another throw, and no
 * token from the answer in the error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifySalesforceError } from '../classify-salesforce-error';
import { FAILURE_KINDS } from '../failure-kinds';
import type { SalesforceTokens } from '../salesforce-api';
import { OAuthEndpointError, requestTokenRefresh, type FetchLike } from './token-endpoint';

const RUNS = { seed: 777, numRuns: 200 };
const refreshToken = fc.stringMatching(/^[A-Za-z0-9]{60,90}$/).map((t) => `5Aep861${t}`);
const accessToken = fc.stringMatching(/^[A-Za-z0-9._]{40,90}$/).map((t) => `00D000000000001!${t}`);

function leaks(text: string, token: string): boolean {
  for (let i = 0; i + 24 <= token.length; i += 8) if (text.includes(token.slice(i, i + 24))) return true;
  return false;
}

const body = fc
  .tuple(
    fc.record(
      {
        access_token: fc.jsonValue({ maxDepth: 1 }),
        refresh_token: fc.jsonValue({ maxDepth: 1 }),
        instance_url: fc.oneof(fc.webUrl(), fc.jsonValue({ maxDepth: 1 })),
        id: fc.jsonValue({ maxDepth: 1 }),
        issued_at: fc.jsonValue({ maxDepth: 1 }),
        error: fc.oneof(fc.constantFrom('invalid_grant', 'invalid_request'), fc.jsonValue({ maxDepth: 1 })),
        error_description: fc.oneof(fc.constantFrom('expired access/refresh token', 'token request is already being processed'), fc.jsonValue({ maxDepth: 1 })),
      },
      { requiredKeys: [] },
    ),
    accessToken,
    refreshToken,
    fc.boolean(),
    fc.nat({ max: 4 }),
    fc.string({ maxLength: 300 }),
  )
  .map(([fields, access, refresh, withSecrets, shape, text]) => {
    const json = JSON.stringify(withSecrets ? { ...fields, access_token: access, refresh_token: refresh } : fields);
    const raw = shape === 0 ? json : shape === 1 ? json.slice(0, json.length >> 1) : shape === 2 ? text : shape === 3 ? 'null' : `<html><body>${json}</body></html>`;
    return { raw, access, refresh };
  });

describe('requestTokenRefresh (fuzzed)', () => {
  it('tokens of the right shape, or an OAuthEndpointError that classifies and holds no token', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 200, max: 599 }), body, refreshToken, async (status, answer, sent) => {
        const fetchFn: FetchLike = async () => ({ ok: status < 300, status, headers: { get: () => null }, text: async () => answer.raw });
        let outcome: SalesforceTokens | OAuthEndpointError;
        try {
          outcome = await requestTokenRefresh(fetchFn, { loginUrl: 'https://acme.my.salesforce.com', clientId: 'c', refreshToken: sent });
        } catch (error) {
          if (!(error instanceof OAuthEndpointError)) throw new Error(`threw past the boundary: ${String(error)} for ${status} ${answer.raw.slice(0, 200)}`, { cause: error });
          outcome = error;
        }
        if (outcome instanceof OAuthEndpointError) {
          const failure = classifySalesforceError(outcome, { phase: 'token_refresh', online: true });
          expect(FAILURE_KINDS).toContain(failure.kind);
          const reported = `${outcome.message} ${outcome.name} ${JSON.stringify(failure)}`;
          for (const token of [answer.access, answer.refresh, sent]) expect(leaks(reported, token)).toBe(false);
        } else {
          expect(outcome.accessToken).toMatch(/./);
          expect(typeof outcome.instanceUrl).toBe('string');
          expect(typeof outcome.identityUrl).toBe('string');
          expect(Number.isFinite(outcome.issuedAt)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
