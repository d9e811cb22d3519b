/**
 * Microsoft sign-in for the seller's Outlook account (MSAL): nested app authentication where Outlook offers it, else
 * MSAL's popup; the account it yields keys the Salesforce token store. One file over 300 lines: initialize, silent
 * sign-in, interactive sign-in and sign-out share one MSAL client, one state and one generation counter that drops
 * answers arriving after a sign-out; split apart, each part would reach into the others' state.
 */
import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import { mapMsalError } from './map-msal-error';
import type { MicrosoftAccount, MicrosoftAuthFailure, MicrosoftAuthState, MicrosoftAuthVia } from './microsoft-auth-state';
import { buildMsalConfiguration, protocolModeFor, SIGN_IN_SCOPES, type MicrosoftSignInConfig } from './msal-configuration';
import { LocalCodes } from './msal-error-codes';
import { withDeadline } from '../../shared/deadline';
import { createEmitter } from '../../shared/event-emitter';
import { createLogger } from '../../shared/logger';

const log = createLogger('microsoft.auth');

export type MsalModule = typeof import('@azure/msal-browser');

/** The slice of Web Storage used for two small session records: "signed out on purpose" and the account hint. Never a token. */
export type FlagStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface MicrosoftAuthDeps {
  /** `RuntimeConfig.microsoft`. Absent: the add-in runs without Microsoft sign-in. */
  config: MicrosoftSignInConfig | undefined;
  /**
   * Absolute URL, on the add-in's origin, of the page that runs MSAL's redirect bridge
   * (`redirect-bridge-page.ts`). The standard (non-nested) popup returns there. Register it as an SPA redirect URI.
   */
  redirectUri: string;
  /**
   * Absolute URL, on the add-in's origin, of MSAL's popup-relay page (`popup-relay-page.ts`). Set where the pane may
   * be a partitioned cross-site iframe (Outlook on the web): the standard popup then opens it, and it relays the
   * provider's answer to the pane. Absent: the popup answers the page directly (a top-level page).
   */
  popupRelayUri?: string;
  /**
   * `Office.context.requirements.isSetSupported`, through the Office host. Absent or throwing: nested app
   * authentication is treated as unsupported.
   */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Upper bound for `initialize()`. Default 8 s. */
  initializeTimeoutMs?: number;
  /**
   * Where the "signed out on purpose" flag and the account hint (home account id and username, for the silent
   * restore after a reload) live. Default `window.sessionStorage` (memory where unavailable).
   */
  flags?: FlagStorage;
  /**
   * How long the standard popup may stay open without an answer before sign-in ends as a timeout. Default: MSAL's
   * own (60 s). Without the popup relay, msal-browser 5 cannot see a popup the seller closed (it answers over a
   * BroadcastChannel and the opener's handle may be severed by the identity provider's COOP, so `closed` is
   * unreliable); until then the state stays `signing_in`, and a second click on Sign in abandons the old popup and
   * opens a new one. With the relay, MSAL watches the relay window, which stays put, and a closed one is a cancel.
   */
  popupTimeoutMs?: number;
  /** Loads msal-browser. Default: a dynamic import, which keeps MSAL out of the first paint. */
  loadMsal?: () => Promise<MsalModule>;
}

export interface MicrosoftAuthDiagnostics {
  configured: boolean;
  status: MicrosoftAuthState['status'];
  via?: MicrosoftAuthVia;
  failure?: MicrosoftAuthFailure;
  /** One line for the support details, e.g. "Microsoft sign-in not configured". No names, ids or tokens. */
  summary: string;
}

export interface MicrosoftAuth {
  readonly state: MicrosoftAuthState;
  /** Called on every state change. Returns an unsubscribe. */
  subscribe(listener: (state: MicrosoftAuthState) => void): () => void;
  /** The signed-in account, or undefined. */
  account(): MicrosoftAccount | undefined;
  /**
   * Creates the MSAL client and signs in silently where it can. Never throws, never opens a window, and settles
   * within `initializeTimeoutMs`: the Salesforce flows never wait on Microsoft sign-in.
   */
  initialize(): Promise<MicrosoftAuthState>;
  /** Interactive sign-in. Call ONLY from the seller's click (a popup opens where the host cannot sign in silently). */
  signIn(): Promise<MicrosoftAuthState>;
  /** Forgets the account in the add-in (MSAL cache for it cleared) without any window. Never throws. */
  signOut(): Promise<void>;
  diagnostics(): MicrosoftAuthDiagnostics;
}

export const NESTED_APP_AUTH_REQUIREMENT = { name: 'NestedAppAuth', version: '1.1' } as const;
const SIGNED_OUT_FLAG = 'sellers-addin.microsoft.signed-out';
const ACCOUNT_HINT = 'sellers-addin.microsoft.account-hint';

interface AccountHint {
  homeAccountId: string;
  username: string;
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

class Timeout extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, code: string): Promise<T> {
  return withDeadline(work, ms, () => new Timeout(code));
}

function toFailure(error: unknown): MicrosoftAuthFailure {
  if (error instanceof Timeout) return { kind: 'timeout', code: error.code };
  return mapMsalError(error);
}

function toAccount(info: AccountInfo): MicrosoftAccount {
  return { homeAccountId: info.homeAccountId, name: info.name ?? '', username: info.username };
}

function defaultFlags(): FlagStorage {
  try {
    if (typeof sessionStorage !== 'undefined') return sessionStorage;
  } catch (error) {
    // Storage access can throw in a sandboxed or partitioned frame: the hint and flags then live in memory.
    log.debug('sessionStorage unavailable; flags kept in memory', error);
  }
  const memory = new Map<string, string>();
  return {
    getItem: (k) => memory.get(k) ?? null,
    setItem: (k, v) => void memory.set(k, v),
    removeItem: (k) => void memory.delete(k),
  };
}

function supportsNestedAppAuth(isSetSupported: MicrosoftAuthDeps['isSetSupported']): boolean {
  try {
    return !!isSetSupported?.(NESTED_APP_AUTH_REQUIREMENT.name, NESTED_APP_AUTH_REQUIREMENT.version);
  } catch (error) {
    // A host that cannot answer the requirement set check has no nested app authentication either.
    log.debug('isSetSupported(NestedAppAuth) threw', error);
    return false;
  }
}

export function createMicrosoftAuth(deps: MicrosoftAuthDeps): MicrosoftAuth {
  const config = deps.config;
  const flags = deps.flags ?? defaultFlags();
  const loadMsal = deps.loadMsal ?? (() => import('@azure/msal-browser'));
  const initializeTimeoutMs = deps.initializeTimeoutMs ?? 8000;
  // A failing listener must not stop the others or the auth flow.
  const changes = createEmitter<MicrosoftAuthState>({ onListenerError: (error) => log.error('a state listener threw', error) });

  let state: MicrosoftAuthState = config ? { status: 'signed_out' } : { status: 'not_configured' };
  let client: { pca: IPublicClientApplication; via: MicrosoftAuthVia } | undefined;
  let creating: Promise<{ pca: IPublicClientApplication; via: MicrosoftAuthVia }> | undefined;
  let initializing: Promise<MicrosoftAuthState> | undefined;
  let signingIn: Promise<MicrosoftAuthState> | undefined;
  // Bumped by signOut: an answer that arrives after the seller signed out (or after initialize gave up) is dropped,
  // so the account key under the Salesforce store never changes behind the app's back.
  let generation = 0;

  function set(next: MicrosoftAuthState): MicrosoftAuthState {
    state = next;
    changes.emit(next);
    return next;
  }

  const configure = (cfg: MicrosoftSignInConfig) => {
    const configuration = buildMsalConfiguration(cfg, { redirectUri: deps.redirectUri, ...(deps.popupRelayUri ? { popupRelayUri: deps.popupRelayUri } : {}) });
    if (deps.popupTimeoutMs) configuration.system = { ...configuration.system, popupBridgeTimeout: deps.popupTimeoutMs };
    return configuration;
  };

  async function createClient(cfg: MicrosoftSignInConfig): Promise<{ pca: IPublicClientApplication; via: MicrosoftAuthVia }> {
    let msal: MsalModule;
    try {
      msal = await loadMsal();
    } catch (error) {
      log.debug('loading msal-browser failed', error);
      throw Object.assign(new Error('msal-browser could not be loaded'), { errorCode: LocalCodes.msalUnavailable });
    }
    if (supportsNestedAppAuth(deps.isSetSupported)) {
      let nested = false;
      const pca = await msal.createNestablePublicClientApplication(
        configure(cfg),
        undefined,
        // Called only when the host's bridge answered; otherwise MSAL quietly built a standard client.
        (configuration, controller) => {
          nested = true;
          return new msal.PublicClientApplication(configuration, controller);
        },
      );
      // The requirement set said yes but no bridge answered: MSAL already built a standard client.
      return { pca, via: nested ? 'nested' : 'standard' };
    }
    const pca = await msal.createStandardPublicClientApplication(configure(cfg));
    return { pca, via: 'standard' };
  }

  function ensureClient(cfg: MicrosoftSignInConfig): Promise<{ pca: IPublicClientApplication; via: MicrosoftAuthVia }> {
    if (client) return Promise.resolve(client);
    if (!creating) {
      const attempt = createClient(cfg).then((created) => {
        client = created;
        return created;
      });
      creating = attempt;
      // A failed creation may be retried by the next click.
      attempt.catch((error: unknown) => {
        log.debug('creating the MSAL client failed', error);
        if (creating === attempt) creating = undefined;
      });
    }
    return creating;
  }

  async function silent({ pca, via }: { pca: IPublicClientApplication; via: MicrosoftAuthVia }): Promise<AccountInfo | undefined> {
    if (via === 'nested') {
      // The host knows the Outlook account; no account object is needed to ask it.
      const result = await pca.acquireTokenSilent({ scopes: SIGN_IN_SCOPES });
      return result.account;
    }
    const cached = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    if (cached) return (await pca.acquireTokenSilent({ scopes: SIGN_IN_SCOPES, account: cached })).account;
    const hint = readHint();
    if (!hint) return undefined;
    let restored: AccountInfo;
    try {
      restored = (await pca.ssoSilent({ scopes: SIGN_IN_SCOPES, loginHint: hint.username })).account;
    } catch (error) {
      // No session at the provider, or its cookie is not available to a frame: simply signed out. Offline is
      // worth saying.
      if (toFailure(error).kind === 'offline') throw error;
      log.debug('no silent session to restore', error);
      return undefined;
    }
    // The provider answers for whoever is signed in there now. Another account must never take this one's place
    // (and with it, the Salesforce store keyed to it).
    if (!sameId(restored.homeAccountId, hint.homeAccountId)) {
      await pca.clearCache({ account: restored }).catch((error: unknown) => log.debug('clearing the other account from the cache failed', error));
      return undefined;
    }
    return restored;
  }

  function readHint(): AccountHint | undefined {
    try {
      const parsed = JSON.parse(flags.getItem(ACCOUNT_HINT) ?? 'null') as Partial<AccountHint> | null;
      return parsed && typeof parsed.homeAccountId === 'string' && typeof parsed.username === 'string' ? { homeAccountId: parsed.homeAccountId, username: parsed.username } : undefined;
    } catch {
      // Not JSON: a hint written by something else, read as no hint (the seller clicks Sign in with Microsoft).
      return undefined;
    }
  }

  function writeHint(hint: AccountHint | undefined) {
    try {
      if (hint) flags.setItem(ACCOUNT_HINT, JSON.stringify(hint));
      else flags.removeItem(ACCOUNT_HINT);
    } catch (error) {
      // Without the hint the next reload asks for a click; nothing else depends on it.
      log.debug('the account hint could not be written', error);
    }
  }

  function signedIn(info: AccountInfo, via: MicrosoftAuthVia, pca: IPublicClientApplication): MicrosoftAuthState {
    if (via === 'standard') {
      pca.setActiveAccount(info);
      writeHint({ homeAccountId: info.homeAccountId, username: info.username });
    }
    return set({ status: 'signed_in', account: toAccount(info), via });
  }

  async function runInitialize(cfg: MicrosoftSignInConfig): Promise<MicrosoftAuthState> {
    const started = generation;
    set({ status: 'initializing' });
    try {
      const outcome = await withTimeout(
        (async () => {
          const created = await ensureClient(cfg);
          // After an explicit Sign out, stay out until the seller clicks Sign in: in nested mode the host would
          // otherwise sign them straight back in.
          if (flags.getItem(SIGNED_OUT_FLAG) === '1') return { created, info: undefined };
          return { created, info: await silent(created) };
        })(),
        initializeTimeoutMs,
        LocalCodes.initializeTimeout,
      );
      if (started !== generation) return state;
      if (!outcome.info) return set({ status: 'signed_out' });
      return signedIn(outcome.info, outcome.created.via, outcome.created.pca);
    } catch (error) {
      if (started !== generation) return state;
      const failure = toFailure(error);
      // At start-up, "interaction required" is the ordinary signed-out case, not a failure to show.
      if (failure.kind === 'interaction_required') return set({ status: 'signed_out' });
      // Drop late answers from an initialize that gave up.
      generation += 1;
      return set({ status: 'signed_out', failure });
    }
  }

  async function runSignIn(cfg: MicrosoftSignInConfig, abandonEarlierPopup: boolean): Promise<MicrosoftAuthState> {
    if (initializing) await initializing;
    if (state.status === 'signed_in') return state;
    const started = generation;
    set({ status: 'signing_in' });
    try {
      const created = await ensureClient(cfg);
      const { pca, via } = created;
      let info: AccountInfo | undefined;
      if (via === 'nested') {
        // The host usually has the Outlook account: try it silently first, and show UI only when it says so.
        try {
          info = await silent(created);
        } catch (error) {
          if (toFailure(error).kind !== 'interaction_required') throw error;
          log.debug('the host needs the seller: popup next', error);
        }
      }
      if (!info) {
        const result = await pca.acquireTokenPopup({
          scopes: SIGN_IN_SCOPES,
          // Let the seller choose (or switch) the account; after Sign out the provider's session must not pick
          // the previous one silently. Plain OpenID Connect providers know "login", not "select_account".
          prompt: protocolModeFor(cfg.authority) === 'AAD' ? 'select_account' : 'login',
          // A second click while an earlier popup is still awaited (closed by the seller, unseen by MSAL): MSAL's
          // documented way to drop the stale interaction instead of failing with interaction_in_progress.
          ...(abandonEarlierPopup ? { overrideInteractionInProgress: true } : {}),
        });
        info = result.account;
      }
      if (started !== generation) return state;
      flags.removeItem(SIGNED_OUT_FLAG);
      return signedIn(info, via, pca);
    } catch (error) {
      if (started !== generation) return state;
      return set({ status: 'signed_out', failure: toFailure(error) });
    }
  }

  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      return changes.subscribe(listener);
    },
    account() {
      return state.status === 'signed_in' ? state.account : undefined;
    },
    initialize() {
      if (!config) return Promise.resolve(set({ status: 'not_configured' }));
      if (!initializing) {
        initializing = runInitialize(config).finally(() => {
          initializing = undefined;
        });
      }
      return initializing;
    },
    signIn() {
      if (!config) return Promise.resolve(state);
      // The host owns the nested popup and reports its closing, so a repeated click just joins the attempt.
      if (signingIn && client?.via !== 'standard') return signingIn;
      const abandonEarlierPopup = signingIn !== undefined;
      // The earlier popup's answer, if it ever comes, no longer counts.
      if (abandonEarlierPopup) generation += 1;
      const attempt = runSignIn(config, abandonEarlierPopup);
      signingIn = attempt;
      void attempt.finally(() => {
        if (signingIn === attempt) signingIn = undefined;
      });
      return attempt;
    },
    async signOut() {
      if (!config) return;
      const account = state.status === 'signed_in' ? state.account : undefined;
      generation += 1;
      // MSAL's cache lives in memory: a client that was never created holds nothing to clear.
      const current = client;
      writeHint(undefined);
      try {
        flags.setItem(SIGNED_OUT_FLAG, '1');
      } catch (error) {
        // Without the flag a nested host may sign the seller in again on the next start; sign-out still proceeds.
        log.debug('the signed-out flag could not be written', error);
      }
      if (current?.via === 'nested') {
        // MSAL v5 rejects clearCache in nested mode; the cache is in memory, so dropping the instance drops it all.
        client = undefined;
        creating = undefined;
      } else if (current) {
        try {
          const info = account ? current.pca.getAccount({ homeAccountId: account.homeAccountId }) : (current.pca.getActiveAccount() ?? current.pca.getAllAccounts()[0] ?? null);
          // clearCache removes the account and its tokens from MSAL's cache with no navigation and no popup
          // (logoutPopup would need a click and a window; logoutRedirect would navigate the pane away).
          await current.pca.clearCache(info ? { account: info } : undefined);
          current.pca.setActiveAccount(null);
        } catch (error) {
          // Best effort: whatever happens, the add-in treats the account as signed out.
          log.debug('clearing the MSAL cache failed', error);
        }
      }
      set({ status: 'signed_out' });
    },
    diagnostics() {
      if (!config) return { configured: false, status: 'not_configured', summary: 'Microsoft sign-in not configured' };
      const via = state.status === 'signed_in' ? state.via : client?.via;
      const failure = state.status === 'signed_out' ? state.failure : undefined;
      const how = via === 'nested' ? ' (nested app authentication)' : via === 'standard' ? ' (standard popup)' : '';
      const why = failure ? `: ${failure.kind} (${failure.code})` : '';
      return {
        configured: true,
        status: state.status,
        ...(via ? { via } : {}),
        ...(failure ? { failure } : {}),
        summary: `Microsoft sign-in ${state.status.replace('_', ' ')}${how}${why}`,
      };
    },
  };
}
