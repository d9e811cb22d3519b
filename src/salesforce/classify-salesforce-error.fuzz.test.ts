/**
 * Fuzzing the classifier (fast-check, fixed seed, bounded runs): whatever reaches the boundary where failures enter
 * the app (jsforce's errors, fetch's, an answer's status, headers and body, or something no one expected) is
 * classified into one of the failure kinds with consistent flags. It never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifySalesforceError } from './classify-salesforce-error';
import { CONNECTION_LOST_KINDS, FAILURE_KINDS, type ClassifyContext } from './failure-kinds';

const RUNS = { seed: 99, numRuns: 400 };

const context: fc.Arbitrary<ClassifyContext | undefined> = fc.option(
  fc.record({ phase: fc.constantFrom('authorize', 'token_exchange', 'token_refresh', 'request', 'revoke'), online: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: [] }),
  { nil: undefined },
);

const codes = fc.constantFrom('INVALID_SESSION_ID', 'invalid_grant', 'REQUEST_LIMIT_EXCEEDED', 'MULTIPLE_CHOICES', 'ERROR_HTTP_503', 'TimeoutError', 'AbortError', 'TypeError', 'unknown');

/** Shaped like what jsforce, fetch and the wrapper throw, with every field fuzzed. */
const errorLike = fc
  .record(
    {
      name: fc.oneof(codes, fc.jsonValue({ maxDepth: 1 })),
      message: fc.oneof(fc.string({ maxLength: 120 }), fc.jsonValue({ maxDepth: 1 })),
      errorCode: fc.oneof(codes, fc.jsonValue({ maxDepth: 1 })),
      error: fc.oneof(codes, fc.jsonValue({ maxDepth: 1 })),
      error_description: fc.oneof(fc.constantFrom('expired access/refresh token', 'inactive user', 'token request is already being processed'), fc.jsonValue({ maxDepth: 1 })),
      status: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.jsonValue({ maxDepth: 1 })),
      statusCode: fc.jsonValue({ maxDepth: 1 }),
      headers: fc.oneof(fc.dictionary(fc.constantFrom('content-type', 'www-authenticate', 'retry-after', 'sforce-limit-info'), fc.jsonValue({ maxDepth: 1 })), fc.jsonValue({ maxDepth: 1 })),
      body: fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.jsonValue({ maxDepth: 3 }),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      ),
      data: fc.jsonValue({ maxDepth: 3 }),
      fields: fc.jsonValue({ maxDepth: 1 }),
      cause: fc.anything({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  )
  .chain((fields) => fc.boolean().map((asError) => (asError ? Object.assign(new Error(typeof fields.message === 'string' ? fields.message : ''), fields) : fields)));

/** Inputs no one plans for: a Proxy that throws on every read, a value whose conversion to text throws. (A table,
 * not an arbitrary: fast-check itself reads the values it generates, and the Proxy would throw in there.) */
const hostile: unknown[] = [
  new Proxy(
    {},
    {
      get: () => {
        throw new Error('trap');
      },
      has: () => {
        throw new Error('trap');
      },
      ownKeys: () => {
        throw new Error('trap');
      },
    },
  ),
  {
    toString: () => {
      throw new Error('no text');
    },
    [Symbol.toPrimitive]: () => {
      throw new Error('no text');
    },
  },
  Object.create(null) as unknown,
  Symbol('failure'),
  10n,
];

function wellClassified(input: unknown, ctx: ClassifyContext | undefined): void {
  let failure;
  try {
    failure = classifySalesforceError(input, ctx);
  } catch (error) {
    throw new Error(`the classifier threw: ${String(error)}`, { cause: error });
  }
  expect(FAILURE_KINDS).toContain(failure.kind);
  expect(failure.connectionLost).toBe(CONNECTION_LOST_KINDS.has(failure.kind));
  expect(typeof failure.retryable).toBe('boolean');
}

describe('classifySalesforceError (fuzzed)', () => {
  it('anything at all: one of the failure kinds, connectionLost exactly for the lost kinds', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
        context,
        wellClassified,
      ),
      RUNS,
    );
  });

  it('error-shaped values with every field fuzzed', () => {
    fc.assert(fc.property(errorLike, context, wellClassified), RUNS);
  });

  it('hostile values: throwing getters and conversions, symbols, bigints', () => {
    for (const ctx of fc.sample(context, { seed: 99, numRuns: 10 })) for (const value of hostile) wellClassified(value, ctx);
  });
});
