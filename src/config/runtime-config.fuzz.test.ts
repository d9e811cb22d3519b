/**
 * Fuzzing the runtime config reader (fast-check, fixed seed, bounded runs): config.json is outside input (a
 * deployment's file, a proxy's error page). Any JSON value, and any damage to a good config, is either read into a
 * well-formed config or refused with a ConfigError naming the problem; nothing else is ever thrown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, MAX_REQUEST_TIMEOUT_MS, parseRuntimeConfig, type RuntimeConfig } from './runtime-config';

const RUNS = { seed: 1130, numRuns: 200 };

const GOOD = {
  salesforce: {
    loginUrl: 'https://acme.my.salesforce.com',
    loginChoices: [{ label: 'Sandbox', loginUrl: 'https://acme--uat.sandbox.my.salesforce.com' }],
    clientId: 'client',
    redirectUri: 'https://addin.example/auth-callback.html',
    apiVersion: '62.0',
    requestTimeoutMs: 20000,
    externalIdFields: { Task: 'Outlook_Key__c' },
    objects: { Contact: { cardFields: ['Title', 'Department'], editableFields: ['Title'] }, Project__c: { cardFields: ['Status__c'] } },
    matchEmailFields: { Contact: ['Personal_Email__c'] },
  },
  microsoft: { clientId: 'ms', authority: 'https://login.microsoftonline.com/common' },
};

function readOrRefuse(raw: unknown): RuntimeConfig | ConfigError {
  try {
    return parseRuntimeConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw new Error(`threw past the boundary: ${String(error)} for ${JSON.stringify(raw)?.slice(0, 300)}`, { cause: error });
  }
}

function wellFormed(config: RuntimeConfig): void {
  const sf = config.salesforce;
  for (const url of [sf.loginUrl, sf.redirectUri, ...sf.loginChoices.map((c) => c.loginUrl)]) expect(() => new URL(url)).not.toThrow();
  expect(typeof sf.clientId).toBe('string');
  expect(sf.apiVersion).toMatch(/^\d{2,3}\.0$/);
  expect(sf.requestTimeoutMs).toBeGreaterThan(0);
  expect(sf.requestTimeoutMs).toBeLessThanOrEqual(MAX_REQUEST_TIMEOUT_MS);
  for (const field of Object.values(sf.externalIdFields ?? {})) expect(field).toMatch(/__c$/);
  for (const object of Object.values(sf.crm?.objects ?? {})) {
    for (const field of [...object.cardFields, ...object.editableFields, ...object.requiredOnSave]) expect(field).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  }
  expect(sf.crm?.objects.Contact?.visible).toBe(true);
  for (const field of [...(sf.crm?.matchEmailFields.Contact ?? []), ...(sf.crm?.matchEmailFields.Lead ?? [])]) expect(field).toMatch(/__c$/);
}

/** A path into GOOD and a replacement value: damage one place of a good config. */
const paths: string[][] = [
  [],
  ['salesforce'],
  ['salesforce', 'loginUrl'],
  ['salesforce', 'loginChoices'],
  ['salesforce', 'loginChoices', '0'],
  ['salesforce', 'loginChoices', '0', 'loginUrl'],
  ['salesforce', 'clientId'],
  ['salesforce', 'redirectUri'],
  ['salesforce', 'apiVersion'],
  ['salesforce', 'requestTimeoutMs'],
  ['salesforce', 'externalIdFields'],
  ['salesforce', 'externalIdFields', 'Task'],
  ['salesforce', 'objects'],
  ['salesforce', 'objects', 'Contact'],
  ['salesforce', 'objects', 'Contact', 'cardFields'],
  ['salesforce', 'objects', 'Contact', 'cardFields', '0'],
  ['salesforce', 'matchEmailFields'],
  ['salesforce', 'matchEmailFields', 'Contact'],
  ['microsoft'],
  ['microsoft', 'authority'],
];

function replaced(path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(GOOD) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path[path.length - 1] as string] = value;
  return copy;
}

describe('parseRuntimeConfig (fuzzed)', () => {
  it('reads the good config', () => {
    wellFormed(parseRuntimeConfig(GOOD));
  });

  it('any JSON value: a well-formed config or a ConfigError', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (raw) => {
        const outcome = readOrRefuse(raw);
        if (!(outcome instanceof ConfigError)) wellFormed(outcome);
      }),
      RUNS,
    );
  });

  it('a good config damaged in one place: a well-formed config or a ConfigError', () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('https://acme.my.salesforce.com/', 'https://user:pw@host.example:8443/a?b#c', 'ftp://files.example', 'https://[::1]', '//no-scheme.example'),
      fc.constantFrom('javascript:alert(1)', 'http://evil.example', '', ' ', '1e309', -1, 0, 1e308, null),
    );
    fc.assert(
      fc.property(fc.constantFrom(...paths), value, (path, v) => {
        const outcome = readOrRefuse(replaced(path, v));
        if (!(outcome instanceof ConfigError)) wellFormed(outcome);
      }),
      RUNS,
    );
  });

  it('values JSON cannot carry but a caller might pass: still a ConfigError, never another throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true }), (path, v) => {
        const outcome = readOrRefuse(replaced(path, v));
        if (!(outcome instanceof ConfigError)) wellFormed(outcome);
      }),
      RUNS,
    );
  });
});
