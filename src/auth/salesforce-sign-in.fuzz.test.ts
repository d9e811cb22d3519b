/**
 * Fuzzing the sign-in's readers of outside input (fast-check, fixed seeds, bounded runs): the dialog's message, the
 * token endpoint's answer to the code exchange and the REST answer naming who signed in, each through a stand-in
 * fetch. Each answers with a result of the right shape or a clear refusal (`invalid`, a SalesforceFailureError with a
 * classified failure), never throws anything else, and no token from the answer appears in a refusal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifySalesforceError } from '../salesforce/classify-salesforce-error';
import { FAILURE_KINDS, SalesforceFailureError } from '../salesforce/failure-kinds';
import type { SalesforceTokens } from '../salesforce/salesforce-api';
import { exchangeCode, parseDialogAnswer, readSignedInUser, type SignInHttpDeps } from './salesforce-sign-in';

const RUNS = { seed: 4242, numRuns: 200 };
const SETTINGS = { loginUrl: 'https://acme.my.salesforce.com', clientId: 'c', redirectUri: 'https://addin.example/auth-callback.html', apiVersion: '62.0', requestTimeoutMs: 2000 };

const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`));
/** Shaped like Salesforce's: "00D<org>!<opaque>" and a long opaque refresh token. */
const accessToken = fc.tuple(alnum(15, 15), fc.stringMatching(/^[A-Za-z0-9._]{40,90}$/)).map(([org, rest]) => `00D${org}!${rest}`);
const refreshToken = alnum(60, 90).map((t) => `5Aep861${t}`);

/** Any 24-character window of a token: what a leak would show. */
function leaks(text: string, token: string): boolean {
  for (let i = 0; i + 24 <= token.length; i += 8) if (text.includes(token.slice(i, i + 24))) return true;
  return false;
}

function standInFetch(status: number, body: string, contentType: string): SignInHttpDeps['fetch'] {
  return async () => new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': contentType } });
}

const deps = (fetch: SignInHttpDeps['fetch']): SignInHttpDeps => ({ fetch, classify: classifySalesforceError, isOnline: () => true });

const status = fc.oneof(fc.constantFrom(200, 201, 204, 302, 400, 401, 403, 404, 420, 429, 500, 502, 503), fc.integer({ min: 200, max: 599 }));
const contentType = fc.constantFrom('application/json;charset=UTF-8', 'text/html', 'text/plain', '');

/** Token endpoint answers: well-formed, damaged, cut off, or not JSON at all; secrets placed where they would be. */
const tokenAnswer = fc
  .tuple(
    accessToken,
    refreshToken,
    fc.record(
      {
        access_token: fc.oneof(fc.constant('A'), fc.jsonValue({ maxDepth: 1 })),
        instance_url: fc.oneof(fc.constant('https://acme.my.salesforce.com/'), fc.webUrl(), fc.jsonValue({ maxDepth: 1 })),
        id: fc.oneof(fc.constant('https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA'), fc.jsonValue({ maxDepth: 1 })),
        issued_at: fc.oneof(fc.constant('1700000000000'), fc.jsonValue({ maxDepth: 1 })),
        refresh_token: fc.jsonValue({ maxDepth: 1 }),
        error: fc.oneof(fc.constantFrom('invalid_grant', 'invalid_client', 'unsupported_grant_type'), fc.jsonValue({ maxDepth: 1 })),
        error_description: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    ),
    fc.nat({ max: 5 }),
    fc.nat({ max: 400 }),
    fc.jsonValue({ maxDepth: 3 }),
  )
  .map(([access, refresh, fields, shape, cut, other]) => {
    const withSecrets: Record<string, unknown> = { ...fields };
    if (fields.access_token === 'A') withSecrets.access_token = access;
    if (typeof fields.refresh_token !== 'string') withSecrets.refresh_token = refresh;
    const json = JSON.stringify(withSecrets);
    const body =
      shape === 0
        ? json
        : shape === 1
          ? json.slice(0, Math.min(cut, json.length - 1))
          : shape === 2
            ? JSON.stringify(other)
            : shape === 3
              ? `<html>${json}</html>`
              : shape === 4
                ? 'null'
                : '';
    return { body, access, refresh };
  });

describe('parseDialogAnswer (fuzzed)', () => {
  it('any string is a code with state, an error, or invalid; never a throw', () => {
    const message = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc
        .record(
          { code: fc.jsonValue({ maxDepth: 1 }), state: fc.jsonValue({ maxDepth: 1 }), error: fc.jsonValue({ maxDepth: 1 }), error_description: fc.jsonValue({ maxDepth: 1 }) },
          { requiredKeys: [] },
        )
        .map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(message, (text) => {
        const answer = parseDialogAnswer(text);
        if (answer.type === 'code') {
          expect(answer.code).toMatch(/./);
          expect(answer.state).toMatch(/./);
        } else if (answer.type === 'error') {
          expect(typeof answer.error).toBe('string');
        } else {
          expect(answer).toEqual({ type: 'invalid' });
        }
      }),
      RUNS,
    );
  });

  it('what is not a string (a host handing over anything) is refused, not thrown', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 2 }), (value) => {
        expect(['code', 'error', 'invalid']).toContain(parseDialogAnswer(value as string).type);
      }),
      RUNS,
    );
  });
});

describe('exchangeCode: the token response (fuzzed)', () => {
  it('tokens of the right shape, or a SalesforceFailureError with a classified failure that holds no token', async () => {
    await fc.assert(
      fc.asyncProperty(status, contentType, tokenAnswer, async (code, type, answer) => {
        let outcome: SalesforceTokens | SalesforceFailureError;
        try {
          outcome = await exchangeCode(deps(standInFetch(code, answer.body, type)), SETTINGS, 'the-code', 'the-verifier');
        } catch (error) {
          if (!(error instanceof SalesforceFailureError)) throw new Error(`threw past the boundary: ${String(error)} for ${code} ${answer.body.slice(0, 200)}`, { cause: error });
          outcome = error;
        }
        if (outcome instanceof SalesforceFailureError) {
          expect(FAILURE_KINDS).toContain(outcome.failure.kind);
          const reported = `${JSON.stringify(outcome.failure)} ${outcome.message}`;
          expect(leaks(reported, answer.access), 'access token in the refusal').toBe(false);
          expect(leaks(reported, answer.refresh), 'refresh token in the refusal').toBe(false);
        } else {
          expect(outcome.accessToken).toMatch(/./);
          expect(typeof outcome.instanceUrl).toBe('string');
          expect(typeof outcome.identityUrl).toBe('string');
          expect(Number.isFinite(outcome.issuedAt)).toBe(true);
          expect(outcome.refreshToken === undefined || typeof outcome.refreshToken === 'string').toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('readSignedInUser: the REST answer (fuzzed)', () => {
  it('an identity of strings, or a SalesforceFailureError; the access token never in the refusal', async () => {
    const userAnswer = fc.oneof(
      fc.record({ Username: fc.jsonValue({ maxDepth: 1 }), Name: fc.jsonValue({ maxDepth: 1 }), Email: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(status, contentType, userAnswer, accessToken, async (code, type, body, access) => {
        const tokens: SalesforceTokens = {
          accessToken: access,
          instanceUrl: 'https://acme.my.salesforce.com',
          identityUrl: 'https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA',
          issuedAt: 1,
        };
        try {
          const identity = await readSignedInUser(deps(standInFetch(code, body, type)), SETTINGS, tokens);
          for (const value of Object.values(identity)) expect(typeof value).toBe('string');
          expect(identity.userId).toBe('005000000000001AAA');
        } catch (error) {
          if (!(error instanceof SalesforceFailureError)) throw new Error(`threw past the boundary: ${String(error)} for ${code} ${body.slice(0, 200)}`, { cause: error });
          expect(leaks(JSON.stringify(error.failure), access)).toBe(false);
        }
      }),
      RUNS,
    );
  });
});
