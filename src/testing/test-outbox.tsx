/**
 * A real outbox (createOutbox with its real executors) over fake-indexeddb and the fake Salesforce API, for component
 * tests of the forms and lists that write through it: what the seller sees follows the outbox's own transitions, and
 * what reached "Salesforce" is in `api.calls`. The network is a switch the test flips. Call createTestOutbox inside a test:
 * the outbox is closed when that test finishes.
 */
import { IDBFactory } from 'fake-indexeddb';
import { useEffect, useState, type ReactNode } from 'react';
import { onTestFinished } from 'vitest';
import { createOutbox } from '../salesforce/outbox/create-outbox';
import { outboxOwnerOf, type Outbox, type OutboxEntry, type OutboxOwner } from '../salesforce/outbox/outbox';
import type { OnlineState } from '../shared/online-state';
import { SalesforceFailureError, type ClassifiedFailure, type FailureKind } from '../salesforce/failure-kinds';
import { SAM, createFakeSalesforceApi, type FakeApiHandlers, type FakeSalesforceApi } from './fake-salesforce-api';

export interface TestOutbox {
  outbox: Outbox;
  api: FakeSalesforceApi;
  owner: OutboxOwner;
  /** The browser's online switch as the outbox reads it. */
  setOnline(online: boolean): void;
  /** The owner's entries once `predicate` holds (polls the store; fails after 2 s with what it saw). */
  until(predicate: (entries: OutboxEntry[]) => boolean, label?: string): Promise<OutboxEntry[]>;
}

export function createTestOutbox(handlers: FakeApiHandlers = {}, { online = true, storage = new IDBFactory() }: { online?: boolean; storage?: IDBFactory } = {}): TestOutbox {
  const api = createFakeSalesforceApi(handlers);
  let isOnline = online;
  const listeners = new Set<(online: boolean) => void>();
  const onlineState: OnlineState = {
    isOnline: () => isOnline,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  // Backoff of an hour: a waiting entry stays waiting for the test unless the test (or the seller's Retry) moves it.
  const outbox = createOutbox({ api, indexedDB: storage, partitionKey: 'component-test', onlineState, backoffMs: () => 3_600_000 });
  const owner = outboxOwnerOf(SAM, { partitionKey: 'component-test' });
  outbox.resume(owner);
  onTestFinished(() => outbox.close());
  return {
    outbox,
    api,
    owner,
    setOnline(next) {
      isOnline = next;
      for (const listener of [...listeners]) listener(next);
    },
    async until(predicate, label = 'condition') {
      const deadline = Date.now() + 2_000;
      for (;;) {
        const entries = await outbox.list(owner);
        if (predicate(entries)) return entries;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}: ${JSON.stringify(entries.map((e) => [e.status, e.waitingFor]))}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
}

/** The owner's entries, live, as the workspace hands them to its forms and lists. */
export function OutboxEntries({ outbox, owner, children }: { outbox: Outbox; owner: OutboxOwner; children: (entries: OutboxEntry[]) => ReactNode }) {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => outbox.subscribe(owner, setEntries), [outbox, owner]);
  return <>{children(entries)}</>;
}

/** A refusal as the connection wrapper throws it. */
export function refusal(kind: FailureKind, extra: Partial<ClassifiedFailure> = {}): SalesforceFailureError {
  return new SalesforceFailureError({
    kind,
    connectionLost: kind === 'bad_oauth_token' || kind === 'session_expired',
    retryable: kind === 'transient' || kind === 'timeout' || kind === 'rate_limited',
    ...extra,
  });
}

/** A promise the test settles by hand: an answer from Salesforce that has not come yet. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Rejected before anyone asked for it (the outbox may not have sent yet) is not an unhandled rejection; whoever
  // awaits it later still gets the error.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/**
 * Browser storage that is full: databases open and read as usual (fake-indexeddb), and every write is refused with the
 * QuotaExceededError a browser raises over quota. Nothing the seller asks for can be kept.
 */
export function fullStorage(): IDBFactory {
  const factory = new IDBFactory();
  const open = factory.open.bind(factory);
  factory.open = (name: string, version?: number) => {
    const request = open(name, version);
    // Registered before the opener's own onsuccess, so the database it gets is already full.
    request.addEventListener('success', () => {
      const db = request.result;
      const transaction = db.transaction.bind(db);
      db.transaction = ((stores: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
        const tx = transaction(stores, mode, options);
        if (mode !== 'readwrite') return tx;
        const objectStore = tx.objectStore.bind(tx);
        tx.objectStore = (storeName: string) => {
          const store = objectStore(storeName);
          store.put = () => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
          return store;
        };
        return tx;
      }) as IDBDatabase['transaction'];
    });
    return request;
  };
  return factory;
}
