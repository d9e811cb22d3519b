/**
 * Start-up wiring: builds the adapters once (token store, connection, sign-in flow, outbox, Microsoft sign-in) and
 * hands the app one object. Every browser side effect arrives here through `AppEnvironment`, so the rest of the app
 * (and its tests) never reaches for a global.
 */
import { createSetupCheckRunner, type PaneSetupCheck } from './setup-check-runner';
import { createAuthController, type AuthController, type MicrosoftSignOut, type OutboxControl } from '../auth/auth-controller';
import { createPkcePool } from '../auth/pkce';
import {
  createMemoryPendingRevokeStore,
  createPendingRevokeRetrier,
  createPendingRevokeStore,
  pendingRevokeDatabaseName,
  revokeRefreshToken,
  type RevokeOutcome,
} from '../auth/pending-revoke';
import { checkSalesforceHost, hostCheckedFetch, hostRefusedFailure, isAllowedSalesforceHost, salesforceHostPolicy, storedSessionRefusal } from '../auth/salesforce-hosts';
import { revokeToken } from '../auth/salesforce-sign-in';
import { runSignIn } from '../auth/sign-in-flow';
import { createTokenStore, tokenDatabaseName, type SalesforceUserKey } from '../auth/token-store';
import { forgetUnkeyedSession } from '../auth/unkeyed-session';
import type { MicrosoftAuth } from '../auth/microsoft';
import type { RuntimeConfig } from '../config/runtime-config';
import type { OfficeHost } from '../host/office-host';
import { classifySalesforceError } from '../salesforce/classify-salesforce-error';
import { SalesforceFailureError } from '../salesforce/failure-kinds';
import { createDefaultCrossPane, type CrossPaneChannel } from '../salesforce/connection/cross-pane';
import { createSalesforceConnection, type SalesforceConnection } from '../salesforce/connection/salesforce-connection';
import type { Outbox } from '../salesforce/outbox/outbox';
import { outboxDatabaseName } from '../salesforce/outbox/outbox-database-name';
import { metadataDatabaseName, persistMetadataIn } from '../salesforce/metadata/metadata-persistence';
import { clearPeopleCaches } from './workspace/people-cache-clearing';
import { storageProbeDatabaseName } from '../host/storage-names';
import { withBodyDeadline } from '../shared/deadline';
import type { OnlineState } from '../shared/online-state';
import { sweepAccountStorage } from './account-sweep';
import { createFallbackTokenStore, createMemoryTokenStore } from './fallback-token-store';
import { createOutboxHolder, openWithinDeadline, type OutboxHolder } from './outbox-holder';
import { createStorageHealth, probeIndexedDb, STORAGE_DEADLINE_MS, type StorageHealth } from './storage-health';
import { carryOn, createLogger } from '../shared/logger';

const log = createLogger('app.start');

export interface AppEnvironment {
  fetch: typeof fetch;
  /** Missing in some private modes and webviews: the pane then runs read-only (storage-health.ts). */
  indexedDB: IDBFactory | undefined;
  crypto: Crypto;
  localStorage?: Storage;
  /** The pane's document base URL (auth-start.html sits beside index.html). */
  baseUrl: string;
  origin: string;
  isOnline(): boolean | undefined;
  onOnlineChange(listener: (online: boolean) => void): () => void;
  copyText(text: string): Promise<void>;
  now(): number;
}

export interface AppServices {
  host: OfficeHost;
  config: RuntimeConfig;
  locale: string;
  connection: SalesforceConnection;
  /** The one channel between this origin's panes: the connection's tokens and sign-outs, the outbox's changes. */
  crossPane: CrossPaneChannel;
  auth: AuthController;
  outbox?: OutboxHolder;
  /** Whether IndexedDB works here; when not, sign-in lasts the pane's life and the workspace is read-only. */
  storage: StorageHealth;
  microsoftAccountId?: string;
  /** Microsoft sign-in for the shell (name, Sign in with Microsoft, diagnostics); absent when not configured. */
  microsoftAuth?: MicrosoftAuth;
  copyText(text: string): Promise<void>;
  /** The org set-up check (About and diagnostics), with the pane's fetch, config and session. */
  setupCheck?: PaneSetupCheck;
  /** The pane's localStorage where the browser gives one: the seller's choices among several matches. */
  localStorage?: Storage;
}

export interface AppOptions {
  /** The outbox for this partition, built over the connection (src/salesforce/outbox/). */
  createOutbox?: (args: { api: SalesforceConnection; partitionKey?: string; indexedDB: IDBFactory; onlineState: OnlineState; channel: CrossPaneChannel }) => Outbox | Promise<Outbox>;
  /** Microsoft sign-in (src/auth/microsoft/), when configured. */
  microsoft?: MicrosoftSignOut & { accountId?(): string | undefined };
  /** The pane's Microsoft sign-in itself, for the shell. */
  microsoftAuth?: MicrosoftAuth;
}

export function browserEnvironment(): AppEnvironment {
  const w = globalThis as typeof globalThis & Window;
  return {
    fetch: (input, init) => w.fetch(input, init),
    indexedDB: (() => {
      try {
        return w.indexedDB ?? undefined;
      } catch {
        // Some webviews throw on access to indexedDB (SecurityError) rather than leave it out.
        return undefined;
      }
    })(),
    crypto: w.crypto,
    localStorage: (() => {
      try {
        return w.localStorage;
      } catch {
        // Reading localStorage throws where the browser blocks storage: the pane runs without it.
        return undefined;
      }
    })(),
    baseUrl: w.document.baseURI,
    origin: w.location.origin,
    isOnline: () => (typeof w.navigator?.onLine === 'boolean' ? w.navigator.onLine : undefined),
    onOnlineChange(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      w.addEventListener('online', online);
      w.addEventListener('offline', offline);
      return () => {
        w.removeEventListener('online', online);
        w.removeEventListener('offline', offline);
      };
    },
    copyText: (text) => (w.navigator?.clipboard ? w.navigator.clipboard.writeText(text) : Promise.reject(new Error('no clipboard'))),
    now: () => Date.now(),
  };
}

export function createAppServices(host: OfficeHost, config: RuntimeConfig, env: AppEnvironment, options: AppOptions = {}): AppServices {
  const partitionKey = host.partitionKey;
  const microsoftAccountId = options.microsoft?.accountId?.();
  // Asked once, within a deadline; the token store and the outbox follow the answer.
  const storage = createStorageHealth(probeIndexedDb(env.indexedDB, storageProbeDatabaseName(partitionKey)));
  const indexedDB = env.indexedDB;
  const scope = { partitionKey, microsoftAccountId };
  const tokenStore = createFallbackTokenStore(indexedDB ? createTokenStore(scope, { indexedDB, crypto: env.crypto }) : createMemoryTokenStore(tokenDatabaseName(scope)), storage);
  // Which hosts may receive a token (src/auth/salesforce-hosts.ts): loopback only for a pane itself on loopback.
  const hostPolicy = salesforceHostPolicy(config.salesforce, env.origin);
  const revokeStored = async (loginUrl: string, refreshToken: string) =>
    isAllowedSalesforceHost(loginUrl, hostPolicy) ? revokeToken({ fetch: env.fetch }, loginUrl, refreshToken, config.salesforce.requestTimeoutMs) : false;
  // A refused host gets no token, ever: the pending record is dropped rather than kept for a retry.
  const revokeWithOutcome = async (loginUrl: string, refreshToken: string): Promise<RevokeOutcome> =>
    isAllowedSalesforceHost(loginUrl, hostPolicy) ? revokeRefreshToken(env.fetch, loginUrl, refreshToken, config.salesforce.requestTimeoutMs) : 'refused';
  const pendingRevokes = indexedDB ? createPendingRevokeStore(partitionKey, { indexedDB, crypto: env.crypto }) : createMemoryPendingRevokeStore(pendingRevokeDatabaseName(partitionKey));
  // Describe results persist across sessions (asked again conditionally); without IndexedDB they live in memory.
  if (indexedDB) persistMetadataIn({ indexedDB, partitionKey });
  if (microsoftAccountId && indexedDB) {
    // A Microsoft account is signed in on this partition: a Salesforce session stored without one must not stay
    // for a later pane that runs without Microsoft sign-in to restore (why wipe and not adopt: unkeyed-session.ts).
    void storage.ready
      .then((ok) =>
        ok
          ? forgetUnkeyedSession({
              indexedDB,
              crypto: env.crypto,
              ...(partitionKey ? { partitionKey } : {}),
              revokeStored,
              revokeRefreshToken: revokeWithOutcome,
              pendingRevokes,
            })
          : false,
      )
      .catch(carryOn(log, 'forgetting a session stored without a Microsoft account failed', false));
  }

  // One reader of the network's state for the whole pane, over the environment's.
  const onlineState: OnlineState = { isOnline: () => env.isOnline(), subscribe: (listener) => env.onOnlineChange(listener) };
  // One channel between the panes of the origin, for the connection and the outbox; closed with the app state.
  const crossPane = createDefaultCrossPane(`salesforce-connection:${config.salesforce.clientId}`);

  // The connection saves rotated refresh tokens without knowing whose they are; the controller tells it.
  let currentUser: SalesforceUserKey | undefined;
  const connection = createSalesforceConnection({
    config: config.salesforce,
    tokenStore: {
      saveRefreshToken: (token, issuedAt) => (currentUser ? tokenStore.saveRefreshToken(currentUser, token, issuedAt) : Promise.resolve()),
      loadRefreshToken: () => (currentUser ? tokenStore.loadRefreshTokenRecord(currentUser) : Promise.resolve(undefined)),
    },
    // The token and revoke endpoints carry the refresh token: never to a host the policy refuses.
    fetch: hostCheckedFetch(env.fetch, hostPolicy),
    checkInstanceUrl: (instanceUrl) => {
      const check = checkSalesforceHost(instanceUrl, hostPolicy);
      return check.ok ? undefined : hostRefusedFailure(check, 'instance');
    },
    onlineState,
    crossPane,
    clock: env.now,
  });

  const createOutbox = options.createOutbox;
  const outbox = createOutbox
    ? createOutboxHolder(async () => {
        if (!indexedDB || !(await storage.ready)) throw new Error('IndexedDB is not available');
        return openWithinDeadline(() => createOutbox({ api: connection, ...(partitionKey ? { partitionKey } : {}), indexedDB, onlineState, channel: crossPane }), STORAGE_DEADLINE_MS);
      })
    : undefined;
  const outboxControl: OutboxControl | undefined = outbox;

  const settingsFor = (loginUrl?: string) => {
    const allowed = [config.salesforce.loginUrl, ...config.salesforce.loginChoices.map((c) => c.loginUrl)];
    return {
      loginUrl: loginUrl && allowed.includes(loginUrl) ? loginUrl : config.salesforce.loginUrl,
      clientId: config.salesforce.clientId,
      redirectUri: config.salesforce.redirectUri,
      apiVersion: config.salesforce.apiVersion,
      requestTimeoutMs: config.salesforce.requestTimeoutMs,
      customDomains: config.salesforce.customDomains ?? [],
    };
  };

  const pkcePool = createPkcePool();
  // The sign-in's own deadline ends with the headers (salesforce-sign-in.ts); the token answer's body gets its own.
  const signInFetch = withBodyDeadline(env.fetch, config.salesforce.requestTimeoutMs);
  const auth = createAuthController({
    connection: {
      identity: () => connection.identity(),
      state: () => connection.state(),
      subscribe: (listener) => connection.subscribe(listener),
      start: (tokens, identity) => connection.start(tokens, identity),
      restore: async (refreshToken, identity) => {
        // A stored session's login and instance hosts pass the same check as a fresh sign-in's, before the refresh.
        const refused = storedSessionRefusal(identity, hostPolicy);
        if (refused) throw new SalesforceFailureError(refused);
        await connection.restore(refreshToken, identity);
      },
      signOut: () => connection.signOut(),
      revoke: () => connection.revoke(),
      revocable: () => connection.revocable(),
    },
    tokenStore,
    signIn: (request) =>
      runSignIn(
        {
          openDialog: (url, size) => host.openDialog(url, size),
          appBaseUrl: env.baseUrl,
          appOrigin: env.origin,
          fetch: signInFetch,
          classify: classifySalesforceError,
          isOnline: env.isOnline,
          createPkcePair: () => pkcePool.take(),
        },
        request,
      ),
    settingsFor,
    ...(outboxControl ? { outbox: outboxControl } : {}),
    ...(options.microsoft ? { microsoftAuth: options.microsoft } : {}),
    ownerExtras: { ...(partitionKey ? { partitionKey } : {}), ...(microsoftAccountId ? { microsoftAccountId } : {}) },
    wipeAccountStorage: async () => {
      // Exact names only (account-sweep.ts): with no partition key, other add-ins' data on the origin stays.
      await sweepAccountStorage({
        ...(indexedDB && (await storage.ready) ? { indexedDB } : {}),
        ...(env.localStorage ? { localStorage: env.localStorage } : {}),
        ...(partitionKey ? { partitionKey } : {}),
        tokenDatabase: tokenStore.databaseName,
        outboxDatabase: outboxDatabaseName(partitionKey),
        metadataDatabase: metadataDatabaseName(partitionKey),
      });
    },
    clearCrmCache: clearPeopleCaches,
    revokeStored,
    revokeRefreshToken: revokeWithOutcome,
    pendingRevokes,
    retryPendingRevokes: createPendingRevokeRetrier(pendingRevokes, revokeWithOutcome),
    onOnline: (listener) => onlineState.subscribe((online) => (online ? listener() : undefined)),
    setCurrentUser: (user) => {
      currentUser = user ? { orgId: user.orgId, userId: user.userId } : undefined;
    },
  });

  return {
    host,
    config,
    locale: host.displayLanguage,
    connection,
    crossPane,
    auth,
    ...(outbox ? { outbox } : {}),
    storage,
    ...(microsoftAccountId ? { microsoftAccountId } : {}),
    ...(options.microsoftAuth ? { microsoftAuth: options.microsoftAuth } : {}),
    copyText: env.copyText,
    setupCheck: createSetupCheckRunner({ fetch: env.fetch, origin: env.origin, config: config.salesforce, connection }),
    ...(env.localStorage ? { localStorage: env.localStorage } : {}),
  };
}
