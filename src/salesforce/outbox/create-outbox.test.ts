/** Over 300 lines on purpose: the outbox runner's behaviours over a real IndexedDB, one scenario each, read top to bottom. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ALEX, SAM, createFakeSalesforceApi, type FakeSalesforceApi } from '../../testing/fake-salesforce-api';
import { SalesforceFailureError, type ClassifiedFailure, type FailureKind } from '../failure-kinds';
import { createOutbox } from './create-outbox';
import type { OnlineState } from '../../shared/online-state';
import type { Outbox, OutboxAction, OutboxEntry, OutboxOwner } from './outbox';
import { outboxOwnerOf } from './outbox';
import type { OutboxExecutor } from './outbox-executors';
import { outboxDatabaseName } from './outbox-store';
import { saveAttachmentAction, saveEmailAction } from '../../testing/outbox-actions';

const sam = outboxOwnerOf(SAM, { partitionKey: 'p1' });
const alex = outboxOwnerOf(ALEX, { partitionKey: 'p1' });

const failure = (kind: FailureKind): ClassifiedFailure => ({
  kind,
  connectionLost: kind === 'session_expired' || kind === 'bad_oauth_token',
  retryable: false,
});

function manualOnline(initial = true): OnlineState & { set(online: boolean): void } {
  let online = initial;
  const listeners = new Set<(o: boolean) => void>();
  return {
    isOnline: () => online,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set(next) {
      online = next;
      for (const l of listeners) l(next);
    },
  };
}

/** A scheduler the test fires by hand: backoff without real waiting. */
function manualTimers() {
  const pending: { run: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    schedule(run: () => void, ms: number) {
      const t = { run, ms, cancelled: false };
      pending.push(t);
      return () => {
        t.cancelled = true;
      };
    },
    fireAll() {
      for (const t of pending.splice(0)) if (!t.cancelled) t.run();
    },
    get count() {
      return pending.filter((t) => !t.cancelled).length;
    },
  };
}

interface Harness {
  outbox: Outbox;
  api: FakeSalesforceApi;
  sent: { action: OutboxAction; mayHaveLanded: boolean; as: string | undefined }[];
  online: ReturnType<typeof manualOnline>;
  timers: ReturnType<typeof manualTimers>;
  factory: IDBFactory;
  clock: { now: number };
}

async function setUp(
  respond: (action: OutboxAction, attempt: number) => unknown = () => undefined,
  shared?: Partial<Pick<Harness, 'factory' | 'api' | 'online' | 'clock'>>,
): Promise<Harness> {
  const factory = shared?.factory ?? new IDBFactory();
  const api = shared?.api ?? createFakeSalesforceApi();
  const online = shared?.online ?? manualOnline();
  const timers = manualTimers();
  const clock = shared?.clock ?? { now: 1_000 };
  const sent: Harness['sent'] = [];
  let attempt = 0;
  const executor: OutboxExecutor = async (apiUsed, action, options) => {
    sent.push({ action, mayHaveLanded: options.mayHaveLanded, as: apiUsed.identity()?.userId });
    attempt += 1;
    const answer = await respond(action, attempt);
    if (answer instanceof Error) throw answer;
    return { sobject: 'Task', id: `00T5e00000000${String(attempt).padStart(2, '0')}AAA`, adopted: false };
  };
  const outbox = createOutbox({
    api,
    indexedDB: factory,
    partitionKey: 'p1',
    onlineState: online,
    execute: executor,
    now: () => clock.now,
    schedule: timers.schedule,
    backoffMs: () => 1_000,
  });
  return { outbox, api, sent, online, timers, factory, clock };
}

async function until(outbox: Outbox, owner: OutboxOwner, predicate: (entries: OutboxEntry[]) => boolean, label = 'condition'): Promise<OutboxEntry[]> {
  const deadline = Date.now() + 2_000;
  for (;;) {
    const entries = await outbox.list(owner);
    if (predicate(entries)) return entries;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}: ${JSON.stringify(entries.map((e) => [e.status, e.waitingFor]))}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('createOutbox', () => {
  it('sends an entry of the current owner and records the result', async () => {
    const h = await setUp();
    h.outbox.resume(sam);
    const entry = await h.outbox.enqueue(sam, saveEmailAction(1));
    const [done] = await until(h.outbox, sam, (e) => e[0]?.status === 'done', 'done');
    expect(done?.id).toBe(entry.id);
    expect(done?.result).toEqual({ sobject: 'Task', id: '00T5e0000000001AAA', adopted: false });
    expect(h.sent).toHaveLength(1);
    expect(await h.outbox.pendingCount(sam)).toBe(0);
  });

  it('keeps the order of writes enqueued in the same millisecond, in the list and when sending', async () => {
    const h = await setUp();
    const subjects = Array.from({ length: 12 }, (_, i) => i + 1);
    for (const n of subjects) await h.outbox.enqueue(sam, saveEmailAction(n));
    const listed = await h.outbox.list(sam);
    expect(listed.map((e) => e.action.type === 'save_email' && e.action.subject)).toEqual(subjects.map((n) => `s${n}`));
    h.outbox.resume(sam);
    await until(h.outbox, sam, (e) => e.every((x) => x.status === 'done'), 'all done');
    expect(h.sent.map((s) => s.action.type === 'save_email' && s.action.subject)).toEqual(subjects.map((n) => `s${n}`));
  });

  it("never sends another owner's entries, even when that owner signs in on the same pane later", async () => {
    const h = await setUp();
    // Sam's work is stored while nothing runs (e.g. offline before the switch).
    await h.outbox.enqueue(sam, saveEmailAction(1));
    h.api.setIdentity(ALEX);
    h.outbox.resume(alex);
    await h.outbox.enqueue(alex, saveEmailAction(2));
    await until(h.outbox, alex, (e) => e[0]?.status === 'done', 'alex done');
    await settle();
    expect(h.sent.map((s) => [s.action.type === 'save_email' && s.action.subject, s.as])).toEqual([['s2', ALEX.userId]]);
    expect((await h.outbox.list(sam))[0]?.status).toBe('queued');
    expect(await h.outbox.pendingCount(sam)).toBe(1);
  });

  it("holds the owner's entries when the signed-in Salesforce user is someone else", async () => {
    const h = await setUp();
    h.api.setIdentity(ALEX);
    h.outbox.resume(sam); // a caller mistake: the owner is not who the connection is signed in as
    await h.outbox.enqueue(sam, saveEmailAction(1));
    const entries = await until(h.outbox, sam, (e) => e[0]?.status === 'waiting', 'waiting');
    expect(entries[0]?.waitingFor).toBe('other_identity');
    expect(h.sent).toHaveLength(0);
  });

  it('connection lost: waits, then runs once after resume (sign in again)', async () => {
    const api = createFakeSalesforceApi();
    const h = await setUp(
      (_a, attempt) => {
        if (attempt !== 1) return undefined;
        // What the wrapper does: the state turns lost as the request rejects.
        api.setState({ status: 'lost', failure: failure('session_expired'), at: 1 });
        return new SalesforceFailureError(failure('session_expired'));
      },
      { api },
    );
    await h.outbox.enqueue(sam, saveEmailAction(1));
    await h.outbox.enqueue(sam, saveEmailAction(2));
    h.outbox.resume(sam);
    const waiting = await until(h.outbox, sam, (e) => e.every((x) => x.status === 'waiting'), 'both waiting');
    expect(waiting.map((e) => e.waitingFor)).toEqual(['session_expired', 'session_expired']);
    expect(h.sent).toHaveLength(1); // the second never met the wall itself

    await settle();
    expect(h.sent).toHaveLength(1);
    h.api.setState({ status: 'connected' });
    h.outbox.resume(sam);
    await until(h.outbox, sam, (e) => e.every((x) => x.status === 'done'), 'both done');
    expect(h.sent).toHaveLength(3);
    expect(h.sent[1]?.mayHaveLanded).toBe(false);
  });

  it('while the api says lost, nothing is sent; connected again runs it', async () => {
    const h = await setUp();
    h.api.setState({ status: 'lost', failure: failure('bad_oauth_token'), at: 1 });
    h.outbox.resume(sam);
    await h.outbox.enqueue(sam, saveEmailAction(1));
    const [w] = await until(h.outbox, sam, (e) => e[0]?.status === 'waiting', 'waiting');
    expect(w?.waitingFor).toBe('bad_oauth_token');
    expect(h.sent).toHaveLength(0);
    h.api.setState({ status: 'connected' });
    await until(h.outbox, sam, (e) => e[0]?.status === 'done', 'done');
    expect(h.sent).toHaveLength(1);
  });

  it('offline: waits without trying, runs when back online', async () => {
    const h = await setUp();
    h.online.set(false);
    h.outbox.resume(sam);
    await h.outbox.enqueue(sam, saveEmailAction(1));
    const [w] = await until(h.outbox, sam, (e) => e[0]?.status === 'waiting', 'waiting');
    expect(w?.waitingFor).toBe('offline');
    expect(h.sent).toHaveLength(0);
    h.online.set(true);
    await until(h.outbox, sam, (e) => e[0]?.status === 'done', 'done');
    expect(h.sent).toHaveLength(1);
  });

  it('transient after sending: backs off, then retries with the may-have-landed check', async () => {
    const h = await setUp((_a, attempt) => (attempt === 1 ? new SalesforceFailureError(failure('transient')) : undefined));
    h.outbox.resume(sam);
    await h.outbox.enqueue(sam, saveEmailAction(1));
    const [w] = await until(h.outbox, sam, (e) => e[0]?.status === 'waiting', 'waiting');
    expect(w).toMatchObject({ waitingFor: 'transient', mayHaveLanded: true, notBefore: 2_000 });
    await settle();
    expect(h.timers.count).toBe(1);
    h.clock.now = 2_000;
    h.timers.fireAll();
    await until(h.outbox, sam, (e) => e[0]?.status === 'done', 'done');
    expect(h.sent.map((s) => s.mayHaveLanded)).toEqual([false, true]);
  });

  it('validation: failed with the failure; retry with an edit sends the edit', async () => {
    const h = await setUp((action) => (action.type === 'save_email' && action.subject === 'bad' ? new SalesforceFailureError({ ...failure('validation'), fields: ['Subject'] }) : undefined));
    h.outbox.resume(sam);
    const entry = await h.outbox.enqueue(sam, { ...saveEmailAction(1), subject: 'bad' });
    const [f] = await until(h.outbox, sam, (e) => e[0]?.status === 'failed', 'failed');
    expect(f?.failure).toMatchObject({ kind: 'validation', fields: ['Subject'] });
    await h.outbox.retry(sam, entry.id, { ...saveEmailAction(1), subject: 'good' });
    await until(h.outbox, sam, (e) => e[0]?.status === 'done', 'done');
    expect(h.sent.map((s) => s.action.type === 'save_email' && s.action.subject)).toEqual(['bad', 'good']);
    // Another owner cannot retry or discard it.
    await h.outbox.discard(alex, entry.id);
    expect(await h.outbox.list(sam)).toHaveLength(1);
  });

  it('survives a closed and reopened pane, and sends on the next start for the same owner', async () => {
    const first = await setUp();
    first.online.set(false);
    first.outbox.resume(sam);
    await first.outbox.enqueue(sam, saveEmailAction(1));
    await until(first.outbox, sam, (e) => e[0]?.status === 'waiting', 'waiting');
    first.outbox.close();

    const second = await setUp(undefined, { factory: first.factory });
    expect((await second.outbox.list(sam))[0]?.waitingFor).toBe('offline');
    second.outbox.resume(sam);
    await until(second.outbox, sam, (e) => e[0]?.status === 'done', 'done');
    expect(second.sent).toHaveLength(1);
  });

  it('two panes saving the same email at the same moment store it once, and it is sent once', async () => {
    const first = await setUp();
    const second = await setUp(undefined, { factory: first.factory, api: first.api, online: first.online, clock: first.clock });
    const [a, b] = await Promise.all([first.outbox.enqueue(sam, saveEmailAction(1)), second.outbox.enqueue(sam, saveEmailAction(1))]);
    expect(b.id).toBe(a.id);
    // Another email, and another seller's save of this one, are other work.
    await second.outbox.enqueue(sam, saveEmailAction(2));
    await second.outbox.enqueue(alex, saveEmailAction(1));
    expect((await first.outbox.list(sam)).map((e) => e.action.type === 'save_email' && e.action.subject)).toEqual(['s1', 's2']);
    first.outbox.resume(sam);
    second.outbox.resume(sam);
    await until(first.outbox, sam, (e) => e.every((x) => x.status === 'done'), 'done');
    await settle();
    // Either pane may win each claim: what counts is that each email went once.
    expect([...first.sent, ...second.sent].map((s) => s.action.type === 'save_email' && s.action.subject).sort()).toEqual(['s1', 's2']);
    // Saved: pressing Save again runs again (its own check then finds the email), as after a failure.
    const again = await first.outbox.enqueue(sam, saveEmailAction(1));
    expect(again.id).not.toBe(a.id);
    first.outbox.close();
    second.outbox.close();
  });

  it("a file waits while its email's save is on its way in another pane, then goes once, after the email", async () => {
    let release: () => void = () => {};
    const first = await setUp((action) => (action.type === 'save_email' ? new Promise<undefined>((r) => (release = () => r(undefined))) : undefined));
    const second = await setUp(undefined, { factory: first.factory, api: first.api, online: first.online, clock: first.clock });
    first.outbox.resume(sam);
    await first.outbox.enqueue(sam, saveEmailAction(1));
    await until(first.outbox, sam, (e) => e[0]?.status === 'sending', 'email sending');
    // The other pane's seller pressed Save too: the email is already on its way, the file is new work.
    await second.outbox.enqueue(sam, saveEmailAction(1));
    await second.outbox.enqueue(sam, saveAttachmentAction(1));
    second.outbox.resume(sam);
    await settle();
    expect(second.sent).toEqual([]);
    release();
    await until(first.outbox, sam, (e) => e[0]?.status === 'done', 'email done');
    // Woken (here by its timer; in a browser by the first pane's change notice), the second pane sends the file.
    second.timers.fireAll();
    await until(second.outbox, sam, (e) => e.length === 2 && e.every((x) => x.status === 'done'), 'both done');
    expect([...first.sent, ...second.sent].map((s) => s.action.type)).toEqual(['save_email', 'save_attachment']);
    first.outbox.close();
    second.outbox.close();
  });

  it('a send abandoned by a closed pane is retried after its lease, checking for a landing first', async () => {
    let release: () => void = () => {};
    const first = await setUp(() => new Promise<undefined>((r) => (release = () => r(undefined))));
    first.outbox.resume(sam);
    await first.outbox.enqueue(sam, saveEmailAction(1));
    await until(first.outbox, sam, (e) => e[0]?.status === 'sending', 'sending');
    first.outbox.pause();

    const second = await setUp(undefined, { factory: first.factory, clock: { now: 1_000 } });
    second.outbox.resume(sam);
    await settle();
    expect(second.sent).toHaveLength(0); // the lease still holds
    second.clock.now = 1_000 + 90_000;
    second.timers.fireAll();
    await until(second.outbox, sam, (e) => e[0]?.status === 'done', 'done');
    expect(second.sent[0]?.mayHaveLanded).toBe(true);
    release();
  });

  it("discardAll removes one owner's entries only; pendingCount counts what is not done", async () => {
    const h = await setUp();
    await h.outbox.enqueue(sam, saveEmailAction(1));
    await h.outbox.enqueue(sam, saveEmailAction(2));
    await h.outbox.enqueue(alex, saveEmailAction(3));
    expect(await h.outbox.pendingCount(sam)).toBe(2);
    await h.outbox.discardAll(sam);
    expect(await h.outbox.list(sam)).toEqual([]);
    expect(await h.outbox.pendingCount(alex)).toBe(1);
  });

  it("subscribe gets the owner's entries now and after changes", async () => {
    const h = await setUp();
    const seen: string[][] = [];
    h.outbox.subscribe(sam, (entries) => seen.push(entries.map((e) => e.status)));
    h.outbox.resume(sam);
    await h.outbox.enqueue(sam, saveEmailAction(1));
    await until(h.outbox, sam, (e) => e[0]?.status === 'done', 'done');
    await settle();
    expect(seen[0]).toEqual([]);
    expect(seen.at(-1)).toEqual(['done']);
    expect(seen.some((s) => s[0] === 'sending')).toBe(true);
  });

  it('removes done entries after a day, on the next pass', async () => {
    const h = await setUp();
    h.outbox.resume(sam);
    await h.outbox.enqueue(sam, saveEmailAction(1));
    await until(h.outbox, sam, (e) => e[0]?.status === 'done', 'done');
    h.clock.now += 24 * 60 * 60_000;
    h.outbox.resume(sam);
    await until(h.outbox, sam, (e) => e.length === 0, 'pruned');
  });

  it('names the database after the partition', () => {
    expect(outboxDatabaseName('p1')).toBe('p1::sf-outbox');
    expect(outboxDatabaseName(undefined)).toBe('sf-outbox');
  });
});

describe('the outbox database', () => {
  it("is opened again after another pane deletes it (sign-out sweep), instead of failing for the pane's life", async () => {
    const h = await setUp();
    await h.outbox.enqueue(sam, saveEmailAction(1));
    await new Promise<void>((resolve, reject) => {
      const request = h.factory.deleteDatabase(outboxDatabaseName('p1'));
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    expect(await h.outbox.list(sam)).toEqual([]);
    h.outbox.resume(sam);
    await h.outbox.enqueue(sam, saveEmailAction(2));
    await until(h.outbox, sam, (e) => e[0]?.status === 'done', 'done after reopen');
  });
});
