import { describe, expect, it } from 'vitest';
import type { ClassifiedFailure } from '../failure-kinds';
import type { SalesforceTokens } from '../salesforce-api';
import {
  announcedIdentityUrl,
  INITIAL_TOKEN_SESSION_STATE,
  mergeTokens,
  newerStoredToken,
  reduceTokenSession,
  type HeldTokens,
  type TokenSessionAction,
  type TokenSessionState,
} from './token-session-state';

const IDENTITY = 'https://login.example/id/00D5e000000DemoAAA/0055e000001SamAAAS';
const SELLER = '00D5e000000Demo/0055e000001SamA';

const HELD: HeldTokens = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  refreshIssuedAt: 1000,
  instanceUrl: 'https://instance.example',
  identityUrl: IDENTITY,
  issuedAt: 1000,
  loginUrl: 'https://login.example',
  seller: SELLER,
};
const PENDING: HeldTokens = { ...HELD, accessToken: '', instanceUrl: '', identityUrl: '', issuedAt: 0, refreshIssuedAt: 0 };
const RENEWED: SalesforceTokens = { accessToken: 'access-2', refreshToken: 'refresh-2', instanceUrl: 'https://instance.example', identityUrl: IDENTITY, issuedAt: 2000 };
const RENEWED_HELD: HeldTokens = { ...HELD, accessToken: 'access-2', refreshToken: 'refresh-2', refreshIssuedAt: 2000, issuedAt: 2000 };
const DEAD: ClassifiedFailure = { kind: 'bad_oauth_token', connectionLost: true, retryable: false, code: 'invalid_grant' };
const OTHER_DEAD: ClassifiedFailure = { kind: 'session_expired', connectionLost: true, retryable: false };

// Sessions and renewals are told apart by identity, never by shape.
const S1 = new AbortController();
const S2 = new AbortController();
const R1 = Promise.resolve();
const R2 = Promise.resolve();

const none: TokenSessionState = INITIAL_TOKEN_SESSION_STATE;
const noneUntrusted: TokenSessionState = { status: 'none', trusted: false };
const holding: TokenSessionState = { status: 'holding', tokens: HELD, session: S1, trusted: true };
const holdingUntrusted: TokenSessionState = { ...holding, trusted: false };
const pending: TokenSessionState = { status: 'holding', tokens: PENDING, session: S1, trusted: true };
const renewing: TokenSessionState = { status: 'renewing', tokens: HELD, session: S1, trusted: true, renewal: R1 };
const lost: TokenSessionState = { status: 'lost', tokens: HELD, session: S1, trusted: true, failure: DEAD };
const SAME = 'unchanged' as const;

type Row = [name: string, state: TokenSessionState, action: TokenSessionAction, expected: TokenSessionState | typeof SAME];

const ROWS: Row[] = [
  // began: a new session over whatever was there; the store's trust is not the session's to reset
  ['none, began: holding the new session', none, { type: 'began', tokens: HELD, session: S1 }, holding],
  ['none (untrusted store), began: holding, store still untrusted', noneUntrusted, { type: 'began', tokens: HELD, session: S1 }, holdingUntrusted],
  ['holding, began: the new session replaces the old', holding, { type: 'began', tokens: PENDING, session: S2 }, { ...pending, session: S2 }],
  ['renewing, began: the old renewal is forgotten with its session', renewing, { type: 'began', tokens: HELD, session: S2 }, { ...holding, session: S2 }],
  ['lost, began: sign-in again clears the loss', lost, { type: 'began', tokens: HELD, session: S2 }, { ...holding, session: S2 }],

  // dropped: signed out, whatever was held
  ['holding, dropped: none', holding, { type: 'dropped' }, none],
  ['renewing, dropped: none', renewing, { type: 'dropped' }, none],
  ['lost, dropped: none', lost, { type: 'dropped' }, none],
  ['holding (untrusted), dropped: none, trusted again', holdingUntrusted, { type: 'dropped' }, none],
  ['none, dropped', none, { type: 'dropped' }, SAME],
  ['none (untrusted), dropped: trusted again', noneUntrusted, { type: 'dropped' }, none],

  // tokens_adopted: merged into whatever is held, status kept
  ['holding, tokens_adopted: the new tokens held', holding, { type: 'tokens_adopted', tokens: RENEWED }, { ...holding, tokens: RENEWED_HELD }],
  ['renewing, tokens_adopted: still renewing (the renewal ends by itself)', renewing, { type: 'tokens_adopted', tokens: RENEWED }, { ...renewing, tokens: RENEWED_HELD }],
  ['lost, tokens_adopted: still lost until revived', lost, { type: 'tokens_adopted', tokens: RENEWED }, { ...lost, tokens: RENEWED_HELD }],
  ['none, tokens_adopted: nothing to merge into', none, { type: 'tokens_adopted', tokens: RENEWED }, SAME],

  // revived: only a lost session comes back, as a new one
  ['lost, revived: holding, new session', lost, { type: 'revived', session: S2 }, { ...holding, session: S2 }],
  ['holding, revived', holding, { type: 'revived', session: S2 }, SAME],
  ['renewing, revived', renewing, { type: 'revived', session: S2 }, SAME],
  ['none, revived', none, { type: 'revived', session: S2 }, SAME],

  // stored_token_taken
  [
    'holding, stored_token_taken: the rotated token and its version held',
    holding,
    { type: 'stored_token_taken', stored: { refreshToken: 'refresh-9', issuedAt: 9000 } },
    { ...holding, tokens: { ...HELD, refreshToken: 'refresh-9', refreshIssuedAt: 9000 } },
  ],
  [
    'renewing, stored_token_taken',
    renewing,
    { type: 'stored_token_taken', stored: { refreshToken: 'refresh-9', issuedAt: 9000 } },
    { ...renewing, tokens: { ...HELD, refreshToken: 'refresh-9', refreshIssuedAt: 9000 } },
  ],
  ['none, stored_token_taken', none, { type: 'stored_token_taken', stored: { refreshToken: 'refresh-9', issuedAt: 9000 } }, SAME],

  // renewal_started / renewal_settled: single flight, and only the current renewal's end counts
  ['holding, renewal_started: renewing', holding, { type: 'renewal_started', renewal: R1 }, renewing],
  ['renewing, renewal_started: the running renewal stays', renewing, { type: 'renewal_started', renewal: R2 }, SAME],
  ['lost, renewal_started: no renewal of a lost session', lost, { type: 'renewal_started', renewal: R1 }, SAME],
  ['none, renewal_started', none, { type: 'renewal_started', renewal: R1 }, SAME],
  ['renewing, its renewal settled: holding', renewing, { type: 'renewal_settled', renewal: R1 }, holding],
  ['renewing, an older renewal settled: still renewing', renewing, { type: 'renewal_settled', renewal: R2 }, SAME],
  ['holding, renewal_settled', holding, { type: 'renewal_settled', renewal: R1 }, SAME],
  ['lost, renewal_settled: still lost', lost, { type: 'renewal_settled', renewal: R1 }, SAME],
  ['none, renewal_settled', none, { type: 'renewal_settled', renewal: R1 }, SAME],

  // lost: the session stays (its tokens name the seller to the other panes), the renewal is forgotten
  ['holding, lost', holding, { type: 'lost', failure: DEAD }, lost],
  ['renewing, lost', renewing, { type: 'lost', failure: DEAD }, lost],
  ['lost, lost again: the first failure stays', lost, { type: 'lost', failure: OTHER_DEAD }, SAME],
  ['none, lost: nothing to lose', none, { type: 'lost', failure: DEAD }, SAME],

  // store_saved: trust follows the last save, in any state
  ['holding, a save failed: untrusted', holding, { type: 'store_saved', ok: false }, holdingUntrusted],
  ['holding (untrusted), a save worked: trusted', holdingUntrusted, { type: 'store_saved', ok: true }, holding],
  ['holding, a save worked', holding, { type: 'store_saved', ok: true }, SAME],
  ['none, a late save failed', none, { type: 'store_saved', ok: false }, noneUntrusted],
  ['renewing, a save failed', renewing, { type: 'store_saved', ok: false }, { ...renewing, trusted: false }],
];

describe('reduceTokenSession: every transition', () => {
  it.each(ROWS)('%s', (_, state, action, expected) => {
    const next = reduceTokenSession(state, action);
    if (expected === SAME) {
      expect(next).toBe(state);
      return;
    }
    expect(next).toEqual(expected);
    // toEqual cannot tell two AbortControllers or two promises apart: the session and renewal must be the very ones.
    expect(next.status === 'none' ? undefined : next.session).toBe(expected.status === 'none' ? undefined : expected.session);
    expect(next.status === 'renewing' ? next.renewal : undefined).toBe(expected.status === 'renewing' ? expected.renewal : undefined);
  });

  it('a walk: sign-in, a renewal, a loss, another pane signs in again, sign-out', () => {
    const walk: Array<[TokenSessionAction, TokenSessionState['status']]> = [
      [{ type: 'began', tokens: HELD, session: S1 }, 'holding'],
      [{ type: 'renewal_started', renewal: R1 }, 'renewing'],
      [{ type: 'tokens_adopted', tokens: RENEWED }, 'renewing'],
      [{ type: 'renewal_settled', renewal: R1 }, 'holding'],
      [{ type: 'renewal_started', renewal: R2 }, 'renewing'],
      [{ type: 'lost', failure: DEAD }, 'lost'],
      [{ type: 'renewal_settled', renewal: R2 }, 'lost'],
      [{ type: 'tokens_adopted', tokens: { ...RENEWED, accessToken: 'access-3', issuedAt: 3000 } }, 'lost'],
      [{ type: 'revived', session: S2 }, 'holding'],
      [{ type: 'dropped' }, 'none'],
    ];
    let state = INITIAL_TOKEN_SESSION_STATE;
    const seen: string[] = [];
    for (const [action] of walk) {
      state = reduceTokenSession(state, action);
      seen.push(state.status);
    }
    expect(seen).toEqual(walk.map(([, status]) => status));
  });
});

describe('mergeTokens', () => {
  it.each<[string, HeldTokens, SalesforceTokens, Partial<HeldTokens>]>([
    ["a rotated refresh token takes the answer's issuedAt as its version", HELD, RENEWED, { refreshToken: 'refresh-2', refreshIssuedAt: 2000 }],
    [
      'a rotated refresh token is always newer than the one it replaces, whatever the clocks say',
      { ...HELD, refreshIssuedAt: 5000 },
      RENEWED,
      { refreshToken: 'refresh-2', refreshIssuedAt: 5001 },
    ],
    ['no refresh token in the answer: the held one and its version stay', HELD, { ...RENEWED, refreshToken: undefined }, { refreshToken: 'refresh-1', refreshIssuedAt: 1000 }],
    ['the same refresh token: its version stays', HELD, { ...RENEWED, refreshToken: 'refresh-1' }, { refreshToken: 'refresh-1', refreshIssuedAt: 1000 }],
    [
      'a restored session learns its instance, identity and seller from its first answer',
      { ...PENDING, seller: undefined },
      RENEWED,
      { instanceUrl: 'https://instance.example', identityUrl: IDENTITY, seller: SELLER, accessToken: 'access-2' },
    ],
    ['empty URLs in the answer keep the held ones', HELD, { ...RENEWED, instanceUrl: '', identityUrl: '' }, { instanceUrl: HELD.instanceUrl, identityUrl: IDENTITY, seller: SELLER }],
  ])('%s', (_, held, tokens, expected) => {
    const merged = mergeTokens(held, tokens);
    expect(merged).toMatchObject(expected);
    expect(merged.loginUrl).toBe(held.loginUrl);
  });
});

describe('newerStoredToken', () => {
  it.each<[string, HeldTokens, Parameters<typeof newerStoredToken>[1], boolean]>([
    ['a newer version of another token: taken', HELD, { refreshToken: 'refresh-9', issuedAt: 9000 }, true],
    ['an older version (a save of ours failed): never taken', HELD, { refreshToken: 'refresh-0', issuedAt: 500 }, false],
    ['the same version: not taken', HELD, { refreshToken: 'refresh-9', issuedAt: 1000 }, false],
    ['the token held, with a newer version: nothing to take', HELD, { refreshToken: 'refresh-1', issuedAt: 9000 }, false],
    ['nothing stored', HELD, undefined, false],
    ['an empty token', HELD, { refreshToken: '', issuedAt: 9000 }, false],
    ['a version that is no number', HELD, { refreshToken: 'refresh-9', issuedAt: Number.NaN }, false],
    ['no refresh token held: any stored one is taken', { ...HELD, refreshToken: undefined }, { refreshToken: 'refresh-0', issuedAt: 1 }, true],
  ])('%s', (_, held, stored, taken) => {
    expect(newerStoredToken(held, stored)).toBe(taken ? stored : undefined);
  });
});

describe('announcedIdentityUrl', () => {
  it('the identity URL held; a restoring pane names its seller through the login host; nobody held: empty', () => {
    expect(announcedIdentityUrl(HELD)).toBe(IDENTITY);
    expect(announcedIdentityUrl(PENDING)).toBe(`https://login.example/id/${SELLER}`);
    expect(announcedIdentityUrl({ ...PENDING, seller: undefined })).toBe('');
    expect(announcedIdentityUrl(undefined)).toBe('');
  });
});
