/**
 * Fuzzing the cross-pane channel (fast-check, fixed seed, bounded runs). Another pane's message is outside input: a
 * BroadcastChannel of the origin carries whatever any document of the origin posts (another version of the add-in,
 * an injected script). Whatever arrives: the parser accepts only messages with the fields their type needs, and
 * the connection that listens never throws and never lets such a message change whose session it holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAILURE_KINDS } from '../failure-kinds';
import type { SalesforceIdentity, SalesforceTokens } from '../salesforce-api';
import { createBroadcastCrossPane, parseCrossPaneMessage, type CrossPaneChannel, type CrossPaneMessage } from './cross-pane';
import type { JsforceModule } from './jsforce-transport';
import { createInProcessLock } from './refresh-lock';
import { createSalesforceConnection } from './salesforce-connection';

const RUNS = { seed: 2026, numRuns: 300 };
const IDENTITY_URL = 'https://org.example/id/00D5e000000DemoAAA/0055e000001SamAAAS';

/** Messages of the three types with every field fuzzed, and anything at all. */
const incoming: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true }),
  fc.record(
    {
      type: fc.constantFrom('tokens', 'lost', 'ask'),
      tokens: fc.oneof(
        fc.anything({ maxDepth: 1 }),
        fc.record(
          {
            accessToken: fc.jsonValue({ maxDepth: 1 }),
            refreshToken: fc.jsonValue({ maxDepth: 1 }),
            instanceUrl: fc.jsonValue({ maxDepth: 1 }),
            identityUrl: fc.oneof(fc.constant(IDENTITY_URL), fc.jsonValue({ maxDepth: 1 })),
            issuedAt: fc.jsonValue({ maxDepth: 1 }),
          },
          { requiredKeys: [] },
        ),
      ),
      identityUrl: fc.oneof(fc.constant(IDENTITY_URL), fc.jsonValue({ maxDepth: 1 })),
      issuedAt: fc.oneof(fc.integer(), fc.jsonValue({ maxDepth: 1 })),
      at: fc.jsonValue({ maxDepth: 1 }),
      failure: fc.oneof(
        fc.anything({ maxDepth: 1 }),
        fc.record({ kind: fc.oneof(fc.constantFrom(...FAILURE_KINDS), fc.jsonValue({ maxDepth: 1 })), connectionLost: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: ['type'] },
  ),
);

const isText = (v: unknown) => typeof v === 'string';
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** The fields each type needs before any pane acts on it (necessary, not sufficient). */
function hasNeededFields(message: CrossPaneMessage): boolean {
  const m = message as unknown as Record<string, unknown>;
  if (m.type === 'tokens') {
    const t = m.tokens as Record<string, unknown> | null | undefined;
    return (
      !!t &&
      typeof t === 'object' &&
      isText(t.accessToken) &&
      isText(t.instanceUrl) &&
      isText(t.identityUrl) &&
      isTime(t.issuedAt) &&
      (t.refreshToken === undefined || isText(t.refreshToken))
    );
  }
  if (m.type === 'lost') {
    const f = m.failure as Record<string, unknown> | null | undefined;
    return isText(m.identityUrl) && isTime(m.issuedAt) && !!f && typeof f === 'object' && (FAILURE_KINDS as readonly unknown[]).includes(f.kind);
  }
  if (m.type === 'ask') return isText(m.identityUrl) && isTime(m.issuedAt);
  return false;
}

/** A BroadcastChannel stand-in whose message events the test fires. */
function fakeBroadcastChannel() {
  const listeners = new Set<(event: { data: unknown }) => void>();
  class Channel {
    postMessage() {}
    addEventListener(_: 'message', l: (event: { data: unknown }) => void) {
      listeners.add(l);
    }
    removeEventListener(_: 'message', l: (event: { data: unknown }) => void) {
      listeners.delete(l);
    }
    close() {}
  }
  return { Channel, deliver: (data: unknown) => listeners.forEach((l) => l({ data })) };
}

describe('cross-pane messages (fuzzed)', () => {
  it('parseCrossPaneMessage accepts only messages with the fields their type needs, and never throws', () => {
    const context = { now: Date.now(), seller: '00D5e000000DemoA/0055e000001SamA', heldIssuedAt: 0, instanceHosts: ['org.example'] };
    fc.assert(
      fc.property(incoming, (data) => {
        const parsed = parseCrossPaneMessage(data, context);
        if (parsed.ok) expect(hasNeededFields(parsed.message), JSON.stringify(parsed.message)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a connection meeting any such message never throws, keeps its seller, and stays connected unless a message got through', async () => {
    const tokens: SalesforceTokens = { accessToken: '00D5e000000DemoAAA!access', refreshToken: 'refresh', instanceUrl: 'https://org.example', identityUrl: IDENTITY_URL, issuedAt: 1 };
    const identity: SalesforceIdentity = {
      orgId: '00D5e000000DemoAAA',
      userId: '0055e000001SamAAAS',
      username: 's',
      displayName: 'S',
      email: 's@x.example',
      loginUrl: 'https://org.example',
      instanceUrl: 'https://org.example',
    };
    let listener: (message: unknown) => void = () => {};
    const crossPane: CrossPaneChannel = { shared: true, post: () => {}, subscribe: (l) => ((listener = l), () => {}), close: () => {} };
    const noJsforce: JsforceModule = {
      Connection: class {
        request() {
          return new Promise<never>(() => {});
        }
      },
    };
    await fc.assert(
      fc.asyncProperty(incoming, async (data) => {
        const api = createSalesforceConnection({
          config: { loginUrl: 'https://org.example', loginChoices: [], clientId: 'c', redirectUri: 'https://a.example/cb', apiVersion: '62.0', requestTimeoutMs: 50 },
          tokenStore: { saveRefreshToken: async () => {} },
          refreshLock: createInProcessLock(),
          crossPane,
          loadJsforce: async () => noJsforce,
          fetch: () => new Promise(() => {}),
          onlineState: { isOnline: () => undefined, subscribe: () => () => {} },
        });
        await api.start(tokens, identity);
        // What BroadcastChannel hands over: anything any document of the origin posted.
        const passes: unknown[] = [];
        const { Channel, deliver } = fakeBroadcastChannel();
        createBroadcastCrossPane('fuzz', Channel).subscribe((m) => passes.push(m));
        deliver(data);
        for (const message of passes) expect(() => listener(message)).not.toThrow();
        await Promise.resolve();
        expect(api.identity()).toEqual(identity);
        if (passes.length === 0) expect(api.state().status).toBe('connected');
        api.dispose();
      }),
      { seed: 2026, numRuns: 150 },
    );
  });
});
