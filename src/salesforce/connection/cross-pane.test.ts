import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CROSS_PANE_FUTURE_SKEW_MS,
  CROSS_PANE_MAX_AGE_MS,
  createBroadcastCrossPane,
  createCrossPaneDropCounter,
  parseCrossPaneMessage,
  sellerKey,
  type CrossPaneContext,
  type CrossPaneRefusal,
} from './cross-pane';

const NOW = 1_750_000_000_000;
const ORG = '00D5e000000DemoAAA';
const SAM = '0055e000001SamAAAS';
const IDENTITY = `https://login.example/id/${ORG}/${SAM}`;
const CONTEXT: CrossPaneContext = { now: NOW, seller: sellerKey(ORG, SAM), heldIssuedAt: NOW - 60_000, instanceHosts: ['org.my.salesforce.com'] };
const TOKENS = { accessToken: 'access', refreshToken: 'refresh', instanceUrl: 'https://org.my.salesforce.com', identityUrl: IDENTITY, issuedAt: NOW };
const DEFINITE = { kind: 'bad_oauth_token', connectionLost: true, retryable: false, code: 'invalid_grant', detail: 'expired access/refresh token', status: 400 };

const refused: Array<[string, unknown, CrossPaneRefusal, Partial<CrossPaneContext>?]> = [
  ['null', null, 'shape'],
  ['a string', 'tokens', 'shape'],
  ['an array', [{ type: 'tokens' }], 'shape'],
  ['an unknown type', { type: 'grant', tokens: TOKENS }, 'shape'],
  ['tokens that are no object', { type: 'tokens', tokens: 'x' }, 'shape'],
  ['an empty access token', { type: 'tokens', tokens: { ...TOKENS, accessToken: '' } }, 'shape'],
  ['an access token that is no string', { type: 'tokens', tokens: { ...TOKENS, accessToken: 42 } }, 'shape'],
  ['an oversized access token', { type: 'tokens', tokens: { ...TOKENS, accessToken: 'a'.repeat(5000) } }, 'shape'],
  ['a refresh token that is no string', { type: 'tokens', tokens: { ...TOKENS, refreshToken: {} } }, 'shape'],
  ['no identity URL', { type: 'tokens', tokens: { ...TOKENS, identityUrl: '' } }, 'seller'],
  ['an identity URL over http', { type: 'tokens', tokens: { ...TOKENS, identityUrl: IDENTITY.replace('https:', 'http:') } }, 'seller'],
  ['an identity URL without ids', { type: 'tokens', tokens: { ...TOKENS, identityUrl: 'https://login.example/id/' } }, 'seller'],
  ['an identity URL with a query', { type: 'tokens', tokens: { ...TOKENS, identityUrl: `${IDENTITY}?x=1` } }, 'seller'],
  ['another seller', { type: 'tokens', tokens: { ...TOKENS, identityUrl: `https://login.example/id/${ORG}/0055e000002AlxAAAS` } }, 'other_seller'],
  ['a pane that holds nobody', { type: 'tokens', tokens: TOKENS }, 'other_seller', { seller: undefined }],
  ['an instance URL over http', { type: 'tokens', tokens: { ...TOKENS, instanceUrl: 'http://org.my.salesforce.com' } }, 'instance_not_https'],
  ['an instance on another host', { type: 'tokens', tokens: { ...TOKENS, instanceUrl: 'https://attacker.example' } }, 'instance_host'],
  ['an instance on a look-alike host', { type: 'tokens', tokens: { ...TOKENS, instanceUrl: 'https://org.my.salesforce.com.attacker.example' } }, 'instance_host'],
  ['an instance on another port', { type: 'tokens', tokens: { ...TOKENS, instanceUrl: 'https://org.my.salesforce.com:8443' } }, 'instance_host'],
  ['an instance URL with credentials', { type: 'tokens', tokens: { ...TOKENS, instanceUrl: 'https://user:pw@org.my.salesforce.com' } }, 'instance_host'],
  ['an instance URL with a path', { type: 'tokens', tokens: { ...TOKENS, instanceUrl: 'https://org.my.salesforce.com/evil' } }, 'instance_host'],
  ['an instance URL that is no URL', { type: 'tokens', tokens: { ...TOKENS, instanceUrl: 'not a url' } }, 'shape'],
  ['issuedAt not a number', { type: 'tokens', tokens: { ...TOKENS, issuedAt: '1750000000000' } }, 'shape'],
  ['issuedAt NaN', { type: 'tokens', tokens: { ...TOKENS, issuedAt: Number.NaN } }, 'shape'],
  ['issuedAt 0 on tokens', { type: 'tokens', tokens: { ...TOKENS, issuedAt: 0 } }, 'shape'],
  ['issuedAt negative', { type: 'tokens', tokens: { ...TOKENS, issuedAt: -1 } }, 'shape'],
  ['issuedAt far in the future', { type: 'tokens', tokens: { ...TOKENS, issuedAt: NOW + CROSS_PANE_FUTURE_SKEW_MS + 1 } }, 'issued_at_future'],
  ['issuedAt older than any live session', { type: 'tokens', tokens: { ...TOKENS, issuedAt: NOW - 60_000 - CROSS_PANE_MAX_AGE_MS - 1 } }, 'issued_at_stale'],
  ['lost without a failure', { type: 'lost', identityUrl: IDENTITY, issuedAt: NOW, at: NOW }, 'failure'],
  ['lost with an unknown kind', { type: 'lost', identityUrl: IDENTITY, issuedAt: NOW, at: NOW, failure: { ...DEFINITE, kind: 'doom' } }, 'failure'],
  [
    'lost with a failure that is not definite',
    { type: 'lost', identityUrl: IDENTITY, issuedAt: NOW, at: NOW, failure: { kind: 'transient', connectionLost: false, retryable: true } },
    'failure',
  ],
  [
    'lost claiming connectionLost for a kind that is not',
    { type: 'lost', identityUrl: IDENTITY, issuedAt: NOW, at: NOW, failure: { kind: 'reauth_required', connectionLost: true, retryable: false } },
    'failure',
  ],
  ['lost with a status out of range', { type: 'lost', identityUrl: IDENTITY, issuedAt: NOW, at: NOW, failure: { ...DEFINITE, status: 99_999 } }, 'failure'],
  ['lost with an oversized detail', { type: 'lost', identityUrl: IDENTITY, issuedAt: NOW, at: NOW, failure: { ...DEFINITE, detail: 'x'.repeat(5000) } }, 'failure'],
  ['lost with a reason that is no key', { type: 'lost', identityUrl: IDENTITY, issuedAt: NOW, at: NOW, failure: { ...DEFINITE, reason: '<b>hi</b>' } }, 'failure'],
  ['lost dated in the future', { type: 'lost', identityUrl: IDENTITY, issuedAt: NOW, at: NOW + CROSS_PANE_FUTURE_SKEW_MS + 1, failure: DEFINITE }, 'issued_at_future'],
  ['lost about tokens from the future', { type: 'lost', identityUrl: IDENTITY, issuedAt: NOW + CROSS_PANE_FUTURE_SKEW_MS + 1, at: NOW, failure: DEFINITE }, 'issued_at_future'],
  ['ask with no identity', { type: 'ask', issuedAt: NOW }, 'seller'],
  ['ask with issuedAt Infinity', { type: 'ask', identityUrl: IDENTITY, issuedAt: Number.POSITIVE_INFINITY }, 'shape'],
  ['signed_out without a date', { type: 'signed_out', identityUrl: IDENTITY }, 'shape'],
  ['signed_out from the future', { type: 'signed_out', identityUrl: IDENTITY, at: NOW + CROSS_PANE_FUTURE_SKEW_MS + 1 }, 'issued_at_future'],
  ['signed_out from long ago', { type: 'signed_out', identityUrl: IDENTITY, at: NOW - 60_000 - CROSS_PANE_MAX_AGE_MS - 1 }, 'issued_at_stale'],
];

describe('parseCrossPaneMessage: refusals', () => {
  it.each(refused)('%s → %s', (_, raw, reason, context) => {
    expect(parseCrossPaneMessage(raw, { ...CONTEXT, ...context })).toEqual({ ok: false, reason });
  });

  it('a getter that throws is a refusal, not an exception', () => {
    const raw = {
      type: 'tokens',
      get tokens() {
        throw new Error('boom');
      },
    };
    expect(parseCrossPaneMessage(raw, CONTEXT)).toEqual({ ok: false, reason: 'shape' });
  });
});

describe('parseCrossPaneMessage: accepted messages are rebuilt from checked fields only', () => {
  it('tokens: extra fields are not carried over', () => {
    const result = parseCrossPaneMessage({ type: 'tokens', tokens: { ...TOKENS, extra: 'x' }, more: 1 }, CONTEXT);
    expect(result).toEqual({ ok: true, message: { type: 'tokens', tokens: TOKENS } });
  });

  it('tokens without a refresh token (no rotation)', () => {
    const { refreshToken: _, ...rest } = TOKENS;
    expect(parseCrossPaneMessage({ type: 'tokens', tokens: rest }, CONTEXT)).toEqual({ ok: true, message: { type: 'tokens', tokens: rest } });
  });

  it('the same seller matches with 15- or 18-character ids and on another login host', () => {
    const short = `https://test.salesforce.com/id/${ORG.slice(0, 15)}/${SAM.slice(0, 15)}`;
    expect(parseCrossPaneMessage({ type: 'ask', identityUrl: short, issuedAt: 0 }, CONTEXT).ok).toBe(true);
  });

  it('before the pane holds an instance, a configured host is accepted', () => {
    const pending = { ...CONTEXT, heldIssuedAt: 0, instanceHosts: ['login.example', 'org.my.salesforce.com'] };
    expect(parseCrossPaneMessage({ type: 'tokens', tokens: TOKENS }, pending).ok).toBe(true);
  });

  it("a skewed device clock: issuedAt ahead of now but near what the pane holds (Salesforce's clock) is accepted", () => {
    const skewed = { ...CONTEXT, now: NOW - 2 * CROSS_PANE_FUTURE_SKEW_MS, heldIssuedAt: NOW - 1000 };
    expect(parseCrossPaneMessage({ type: 'tokens', tokens: TOKENS }, skewed).ok).toBe(true);
  });

  it('lost: the failure keeps only its known fields', () => {
    const result = parseCrossPaneMessage({ type: 'lost', identityUrl: IDENTITY, issuedAt: 0, at: NOW, failure: { ...DEFINITE, fields: ['x'], html: '<b>' } }, CONTEXT);
    expect(result).toEqual({ ok: true, message: { type: 'lost', identityUrl: IDENTITY, issuedAt: 0, at: NOW, failure: DEFINITE } });
  });

  it('lost for an admin action and ask and signed_out', () => {
    const admin = { kind: 'admin_action_required', connectionLost: false, retryable: false, reason: 'inactive_user' };
    expect(parseCrossPaneMessage({ type: 'lost', identityUrl: IDENTITY, issuedAt: NOW, at: NOW, failure: admin }, CONTEXT).ok).toBe(true);
    expect(parseCrossPaneMessage({ type: 'ask', identityUrl: IDENTITY, issuedAt: NOW - 5 }, CONTEXT)).toEqual({
      ok: true,
      message: { type: 'ask', identityUrl: IDENTITY, issuedAt: NOW - 5 },
    });
    expect(parseCrossPaneMessage({ type: 'signed_out', identityUrl: IDENTITY, at: NOW }, CONTEXT)).toEqual({ ok: true, message: { type: 'signed_out', identityUrl: IDENTITY, at: NOW } });
  });
});

describe('cross-pane channel and drop counter', () => {
  it('the BroadcastChannel adapter hands every message on unchecked (the receiver judges it)', () => {
    const listeners: Array<(event: { data: unknown }) => void> = [];
    class FakeChannel {
      postMessage() {}
      addEventListener(_: 'message', listener: (event: { data: unknown }) => void) {
        listeners.push(listener);
      }
      removeEventListener() {}
      close() {}
    }
    const channel = createBroadcastCrossPane('x', FakeChannel);
    const seen: unknown[] = [];
    channel.subscribe((raw) => seen.push(raw));
    listeners.forEach((l) => l({ data: 'garbage' }));
    expect(seen).toEqual(['garbage']);
  });

  it('the counter counts and tells its listeners', () => {
    const counter = createCrossPaneDropCounter();
    let told = 0;
    const off = counter.subscribe(() => told++);
    counter.add();
    counter.add();
    off();
    counter.add();
    expect(counter.count()).toBe(3);
    expect(told).toBe(2);
  });
});

describe('parseCrossPaneMessage: anything at all', () => {
  it('never throws, and what it accepts is exactly what it would accept again (rebuilt, checked fields only)', () => {
    const nearMessage = fc.record(
      {
        type: fc.constantFrom('tokens', 'lost', 'ask', 'signed_out', 'other'),
        identityUrl: fc.oneof(fc.constant(IDENTITY), fc.webUrl(), fc.string()),
        issuedAt: fc.oneof(fc.constant(NOW), fc.integer(), fc.double(), fc.string()),
        at: fc.oneof(fc.constant(NOW), fc.integer(), fc.double()),
        failure: fc.oneof(fc.constant(DEFINITE), fc.anything()),
        tokens: fc.oneof(
          fc.constant(TOKENS),
          fc.record({ accessToken: fc.string(), instanceUrl: fc.oneof(fc.webUrl(), fc.constant(TOKENS.instanceUrl)), identityUrl: fc.constant(IDENTITY), issuedAt: fc.integer() }),
          fc.anything(),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearMessage), (raw) => {
        const result = parseCrossPaneMessage(raw, CONTEXT);
        if (result.ok) expect(parseCrossPaneMessage(structuredClone(result.message), CONTEXT)).toEqual(result);
      }),
      { numRuns: 2000, seed: 10 },
    );
  }, 30_000);
});
