/**
 * One task pane of the add-in as the chaos run builds it in Node: the product's connection wrapper (real jsforce over
 * HTTPS to the emulated org), the product's encrypted token store and outbox on a shared fake-indexeddb (one origin's
 * storage), the product's people directory. Two panes share what two panes of one origin share in a browser: the
 * storage, the refresh lock (Web Locks) and the cross-pane channel (BroadcastChannel). A reload closes a pane and
 * builds a new one from storage only.
 */
import { webcrypto } from 'node:crypto';
import type { IDBFactory } from 'fake-indexeddb';
import { createTokenStore, type SalesforceUserKey, type TokenStore } from '../../src/auth/token-store';
import type { RuntimeConfig } from '../../src/config/runtime-config';
import { createPeopleDirectory, type PeopleDirectory } from '../../src/salesforce/crm/people-directory';
import type { CrossPaneChannel } from '../../src/salesforce/connection/cross-pane';
import type { RefreshLock } from '../../src/salesforce/connection/refresh-lock';
import { createSalesforceConnection, type SalesforceConnection } from '../../src/salesforce/connection/salesforce-connection';
import { createOutbox } from '../../src/salesforce/outbox/create-outbox';
import { outboxOwnerOf, type Outbox, type OutboxOwner } from '../../src/salesforce/outbox/outbox';
import type { SalesforceIdentity, SalesforceTokens } from '../../src/salesforce/salesforce-api';
import type { NetworkSeam } from './network-seam';

export const PARTITION = 'chaos';

/** What the panes of one origin share. */
export interface PaneEnvironment {
  config: RuntimeConfig['salesforce'];
  seam: NetworkSeam;
  indexedDB: IDBFactory;
  lock: RefreshLock;
  connectChannel(): CrossPaneChannel;
  /** The outbox's clock: real time plus what the run skips (a seller who comes back later). */
  now(): number;
}

export interface ChaosPane {
  readonly name: string;
  readonly connection: SalesforceConnection;
  readonly outbox: Outbox;
  readonly people: PeopleDirectory;
  readonly tokenStore: TokenStore;
  owner(): OutboxOwner | undefined;
  /** Sign-in (or sign in again) with tokens from the org's sign-in pages. */
  start(tokens: SalesforceTokens, identity: SalesforceIdentity): Promise<void>;
  /** Start-up of a reopened pane: the remembered session and its stored refresh token. False: nothing stored. */
  restore(): Promise<boolean>;
  /** Another user signs in in this pane, as the auth controller does it: the previous user's work paused and kept,
   * their stored refresh token deleted, the connection signed out, then the new user started. */
  switchUser(tokens: SalesforceTokens, identity: SalesforceIdentity): Promise<void>;
  close(): void;
}

export function openPane(env: PaneEnvironment, name: string): ChaosPane {
  const tokenStore = createTokenStore({ partitionKey: PARTITION }, { indexedDB: env.indexedDB, crypto: webcrypto as unknown as Crypto });
  let currentUser: SalesforceUserKey | undefined;
  let owner: OutboxOwner | undefined;
  const channel = env.connectChannel();
  // As src/app/start-app.ts wires it: the connection saves rotated refresh tokens for the user the pane names.
  const connection = createSalesforceConnection({
    config: env.config,
    tokenStore: {
      saveRefreshToken: (token, issuedAt) => (currentUser ? tokenStore.saveRefreshToken(currentUser, token, issuedAt) : Promise.resolve()),
      loadRefreshToken: () => (currentUser ? tokenStore.loadRefreshTokenRecord(currentUser) : Promise.resolve(undefined)),
    },
    refreshLock: env.lock,
    crossPane: channel,
    loadJsforce: () => env.seam.loadJsforce(),
    fetch: env.seam.fetch,
    onlineState: env.seam,
    backoff: { retries: 2, baseMs: 20, maxMs: 200 },
  });
  const outbox = createOutbox({
    api: connection,
    indexedDB: env.indexedDB,
    partitionKey: PARTITION,
    onlineState: env.seam,
    // The panes' outboxes tell each other of changes on the channel their connections share, as start-app wires it.
    channel,
    now: env.now,
    backoffMs: (attempt) => Math.min(100 * 2 ** Math.max(0, attempt - 1), 800),
  });
  // A short cache: the same person opened again a moment later is asked of Salesforce again, as after a reopen.
  const people = createPeopleDirectory(connection, { ttlMs: 200 });

  const becomeOwner = (identity: SalesforceIdentity): void => {
    owner = outboxOwnerOf(identity, { partitionKey: PARTITION });
    outbox.resume(owner);
  };

  return {
    name,
    connection,
    outbox,
    people,
    tokenStore,
    owner: () => owner,
    async start(tokens, identity) {
      currentUser = { orgId: identity.orgId, userId: identity.userId };
      await connection.start(tokens, identity);
      await tokenStore.saveLastSession({ ...currentUser, loginUrl: identity.loginUrl, instanceUrl: identity.instanceUrl, identityUrl: tokens.identityUrl, username: identity.username });
      becomeOwner(identity);
    },
    async restore() {
      const last = await tokenStore.loadLastSession();
      if (!last) return false;
      currentUser = { orgId: last.orgId, userId: last.userId };
      const refreshToken = await tokenStore.loadRefreshToken(currentUser);
      if (!refreshToken) return false;
      const identity: SalesforceIdentity = {
        orgId: last.orgId,
        userId: last.userId,
        username: last.username ?? '',
        displayName: last.displayName ?? '',
        email: last.email ?? '',
        loginUrl: last.loginUrl,
        instanceUrl: last.instanceUrl,
      };
      // The outbox knows its owner at once, as the app's start-up does; it sends once the connection is up.
      becomeOwner(identity);
      await connection.restore(refreshToken, identity).catch(() => undefined);
      return true;
    },
    async switchUser(tokens, identity) {
      outbox.pause();
      if (currentUser) await tokenStore.deleteRefreshToken(currentUser).catch(() => undefined);
      connection.signOut();
      owner = undefined;
      await this.start(tokens, identity);
    },
    close() {
      outbox.close();
      connection.dispose();
      channel.close();
    },
  };
}
