/**
 * The chaos run: seeded seller actions across two panes of the add-in while the emulated org and the network
 * misbehave, then an audit of the org's records, the logs and the storage.
 *
 * Real parts: the product's connection wrapper, token store, outbox, CRM writes and people lookups, with real jsforce
 * over HTTPS to the emulated org. Stand-ins: fake-indexeddb for the origin's storage, an in-process lock and channel
 * for Web Locks and BroadcastChannel, and the network seam (offline). The seed fixes the plan (which action, which
 * pane, which fault, when); the exact interleaving with real sockets and timers varies a little from run to run.
 *
 * Faults, between actions: the org expires every session; revokes the seller's grants (the seller signs in again, as
 * the same user); turns refresh token rotation on or off; answers 503 (REST, or a maintenance page at the token
 * endpoint); carries a write out and never answers it (the pane times out); never answers a query; the network goes
 * away for a while; a pane reloads (closed, then built again from storage alone, possibly in the middle of a send).
 *
 * A pane that closed mid-send leaves its claim on the entry (the send lease, 90 s). At the end the run lets that time
 * pass on the outbox's clock (the seller comes back later) instead of waiting for it.
 *
 * Over 300 lines on purpose: the run is one seeded script (plan, faults, actions, audit) read top to bottom; its parts share the run's state.
 */
import { IDBFactory } from 'fake-indexeddb';
import { createInProcessCrossPaneHub } from '../../src/salesforce/connection/cross-pane';
import { createInProcessLock } from '../../src/salesforce/connection/refresh-lock';
import { emailTaskSubject, messageIdFooter } from '../../src/salesforce/crm/save-email';
import { followUpKeyLine } from '../../src/salesforce/crm/log-follow-up';
import type { OutboxAction, OutboxEntry, OutboxOwner } from '../../src/salesforce/outbox/outbox';
import { outboxOwnerKey } from '../../src/salesforce/outbox/outbox';
import { SEND_LEASE_MS } from '../../src/salesforce/outbox/outbox-transitions';
import { DEMO_CONTACTS, DEMO_LEADS, DEMO_USERS } from '../emulator/seed';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import type { SfRecord } from '../emulator/record-store';
import { configFor, signIn } from '../integration/connection-fixture';
import { openPane, PARTITION, type ChaosPane, type PaneEnvironment } from './chaos-pane';
import { createNetworkSeam } from './network-seam';
import { seededRandom } from './seeded-random';
import { dumpIndexedDb } from './storage-dump';
import { tokenLeaksIn } from './token-audit';

export type WriteMode = 'check' | 'upsert';

export interface ChaosOptions {
  seed: number;
  actions: number;
  /** check: no External ID fields (check, then create); upsert: Task and Contact by Outlook_Key__c. */
  mode: WriteMode;
  requestTimeoutMs?: number;
  /** How long the end may take for every entry to land. */
  drainTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  seed: number;
  mode: WriteMode;
  actions: number;
  writes: number;
  reads: number;
  landed: number;
  duplicated: number;
  lost: number;
  wrongUser: number;
  /** Where a token was found (place › which token kind); empty when none. */
  tokenLeaks: string[];
  faults: Record<string, number>;
  signInsAgain: number;
  reloads: number;
  leaseSkips: number;
  /** Times the panes were reopened at the end because nothing moved. */
  reopens: number;
  /** Times a user whose work was left, signed in nowhere, came back and signed in at the end. */
  usersBack: number;
  /** Writes started while the other user was signed in in that pane (theirs, to be created by them). */
  writesByOtherUser: number;
  /** Problems found, one line each (duplicates, losses, other users, leaks). */
  findings: string[];
  durationMs: number;
}

type ActionKind = 'open_email' | 'save_email' | 'create_contact' | 'log_follow_up';
type Fault = 'expire_sessions' | 'revoke' | 'rotation' | 'fail_503' | 'token_maintenance' | 'commit_then_hang' | 'hang_query' | 'offline' | 'reload' | 'switch_user';

const ACTION_WEIGHTS: Record<ActionKind, number> = { open_email: 35, save_email: 25, create_contact: 20, log_follow_up: 20 };
const FAULT_WEIGHTS: Record<Fault | 'none', number> = {
  none: 62,
  expire_sessions: 6,
  revoke: 3,
  rotation: 3,
  fail_503: 6,
  token_maintenance: 2,
  commit_then_hang: 6,
  hang_query: 2,
  offline: 5,
  reload: 5,
  switch_user: 2,
};

type User = (typeof DEMO_USERS)['seller' | 'second'];
const SELLER: User = DEMO_USERS.seller;
const SECOND: User = DEMO_USERS.second;

const PEOPLE = [DEMO_CONTACTS.jane, DEMO_CONTACTS.bob, DEMO_CONTACTS.priya] as const;
const ADDRESSES = [...PEOPLE.map((p) => p.Email), ...Object.values(DEMO_LEADS).map((l) => l.Email)];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface PlannedWrite {
  n: number;
  action: OutboxAction;
  /** Whose work it is: the user signed in in the pane where it was started. */
  owner: OutboxOwner;
  matches(tasks: SfRecord[], contacts: SfRecord[]): SfRecord[];
}

function planWrite(
  seed: number,
  n: number,
  kind: Exclude<ActionKind, 'open_email'>,
  person: (typeof PEOPLE)[number],
  owner: OutboxOwner,
): Omit<PlannedWrite, 'owner'> & { owner: OutboxOwner } {
  const lines = (r: SfRecord) => (typeof r.Description === 'string' ? r.Description.split(/\r?\n/) : []);
  switch (kind) {
    case 'save_email': {
      const action: OutboxAction = {
        type: 'save_email',
        internetMessageId: `<chaos-${seed}-${n}@mail.example>`,
        subject: `Chaos ${seed}/${n}`,
        bodyExcerpt: `Email ${n} of the chaos run`,
        activityDate: '2026-11-30',
        whoId: person.Id,
        label: `${person.FirstName} ${person.LastName}`,
      };
      const footer = messageIdFooter(action.internetMessageId);
      const subject = emailTaskSubject(action.subject);
      return { n, action, owner, matches: (tasks) => tasks.filter((t) => t.Subject === subject && lines(t).includes(footer)) };
    }
    case 'create_contact': {
      const email = `chaos-${seed}-${n}@new.example`;
      const action: OutboxAction = { type: 'create_contact', clientKey: `ck-${seed}-${n}`, fields: { LastName: `Chaos${n}`, Email: email }, label: `Chaos${n}` };
      return { n, action, owner, matches: (_tasks, contacts) => contacts.filter((c) => typeof c.Email === 'string' && c.Email.toLowerCase() === email) };
    }
    case 'log_follow_up': {
      const action: OutboxAction = {
        type: 'log_follow_up',
        clientKey: `fu-${seed}-${n}`,
        subject: `Chaos follow-up ${seed}/${n}`,
        activityDate: '2026-12-07',
        whoId: person.Id,
        label: `${person.FirstName} ${person.LastName}`,
      };
      const key = followUpKeyLine(action.clientKey);
      return { n, action, owner, matches: (tasks) => tasks.filter((t) => lines(t).includes(key)) };
    }
  }
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const requestTimeoutMs = options.requestTimeoutMs ?? 1_200;
  const drainTimeoutMs = options.drainTimeoutMs ?? 40_000;
  const runLog: string[] = [];
  const log = (line: string) => {
    runLog.push(line);
    options.log?.(line);
  };

  // Anything the product writes to the console is kept, to be searched for tokens.
  const consoleLines: string[] = [];
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = consoleMethods.map((m) => console[m]);
  consoleMethods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      consoleLines.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message} ${a.stack ?? ''}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      (originals[i] as (...a: unknown[]) => void)(...args);
    };
  });

  const seam = createNetworkSeam();
  const org: RunningEmulator = await startEmulator({ policy: { refreshProcessingMs: 20 } });
  const hub = createInProcessCrossPaneHub();
  let skippedMs = 0;
  const env: PaneEnvironment = {
    config: configFor(org.url, {
      requestTimeoutMs,
      ...(options.mode === 'upsert' ? { externalIdFields: { Task: 'Outlook_Key__c', Contact: 'Outlook_Key__c' } } : {}),
    }),
    seam,
    indexedDB: new IDBFactory(),
    lock: createInProcessLock(),
    connectChannel: () => hub.connect(),
    now: () => Date.now() + skippedMs,
  };

  const faults: Record<string, number> = {};
  let signInsAgain = 0;
  let reloads = 0;
  let leaseSkips = 0;
  let reopens = 0;
  let usersBack = 0;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, run: () => void) => {
    const handle = setTimeout(() => {
      timers.delete(handle);
      run();
    }, ms);
    timers.add(handle);
  };

  const userOf = (pane: ChaosPane): User => (pane.owner()?.userId === SECOND.id ? SECOND : SELLER);

  async function signInTo(pane: ChaosPane, user: User = userOf(pane), switching = false): Promise<boolean> {
    try {
      const { tokens, identity } = await signIn(org.url, { username: user.username, password: user.password });
      seam.tokens.add(tokens.accessToken);
      if (tokens.refreshToken) seam.tokens.add(tokens.refreshToken);
      if (switching) await pane.switchUser(tokens, identity);
      else await pane.start(tokens, identity);
      return true;
    } catch (error) {
      log(`  pane ${pane.name}: sign-in did not go through (${error instanceof Error ? error.message.slice(0, 80) : 'error'}); tried again later`);
      return false;
    }
  }

  const panes: ChaosPane[] = [openPane(env, 'A'), openPane(env, 'B')];
  if (!(await signInTo(panes[0] as ChaosPane))) throw new Error('chaos: the first sign-in failed');
  await (panes[1] as ChaosPane).restore();
  const owner = (panes[0] as ChaosPane).owner() as OutboxOwner;
  if (owner.userId !== SELLER.id || owner.partitionKey !== PARTITION) throw new Error('chaos: signed in as someone else than the seller');
  const secondOwner: OutboxOwner = { ...owner, userId: SECOND.id };
  /** Panes showing the other user, and the step at which the seller signs back in there. */
  const switchBackAt = new Map<number, number>();
  /** The seller reacting to what the panes show: Sign in again on Connection lost; reopen a pane that fell back to sign-in. */
  async function heal(): Promise<void> {
    if (!seam.isOnline()) return;
    for (const pane of panes) {
      const status = pane.connection.state().status;
      if (status === 'lost') {
        log(`  pane ${pane.name}: Connection lost → Sign in again as ${userOf(pane).username}`);
        if (await signInTo(pane)) signInsAgain++;
      } else if (status === 'signed_out') {
        if (!(await pane.restore())) await signInTo(pane, SELLER);
      }
    }
  }

  async function injectFault(fault: Fault): Promise<void> {
    faults[fault] = (faults[fault] ?? 0) + 1;
    const c = org.controls;
    switch (fault) {
      case 'expire_sessions':
        log(`  org: expires every session (${c.expireSessions()})`);
        break;
      case 'revoke':
        log(`  org: revokes the seller's grants (${c.revokeUser(DEMO_USERS.seller.username)})`);
        break;
      case 'rotation': {
        const rotation = !c.getPolicy().rotation;
        c.setPolicy({ rotation });
        log(`  org: refresh token rotation ${rotation ? 'on' : 'off'}`);
        break;
      }
      case 'fail_503': {
        const count = random.int(1, 2);
        c.failNext({ status: 503, count, pathPrefix: '/services/data', body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Server temporarily unavailable' }] });
        log(`  org: the next ${count} REST answers are 503`);
        break;
      }
      case 'token_maintenance':
        c.failNext({ preset: 'maintenance-page', pathPrefix: '/services/oauth2/token' });
        log('  org: the next token answer is a 503 maintenance page');
        break;
      case 'commit_then_hang':
        c.hangNext({ pathPrefix: '/services/data/v62.0/sobjects', afterCommit: true });
        log('  org: the next write is carried out and never answered');
        break;
      case 'hang_query':
        c.hangNext({ pathPrefix: '/services/data/v62.0/query' });
        log('  org: the next query is never answered');
        break;
      case 'offline': {
        const ms = random.int(100, 600);
        seam.setOnline(false);
        log(`  network: offline for ${ms} ms`);
        later(ms, () => seam.setOnline(true));
        break;
      }
      case 'switch_user': {
        // Drawn whatever happens next, so the plan stays the same for the seed.
        const index = random.int(0, panes.length - 1);
        const backAfter = random.int(3, 12);
        const pane = panes[index] as ChaosPane;
        if (userOf(pane) === SECOND || !seam.isOnline()) break;
        log(`  pane ${pane.name}: ${SECOND.username} signs in (the seller's work there stays the seller's)`);
        if (await signInTo(pane, SECOND, true)) switchBackAt.set(index, currentStep + backAfter);
        break;
      }
      case 'reload': {
        const index = random.int(0, panes.length - 1);
        const old = panes[index] as ChaosPane;
        old.close();
        const name = `${old.name.slice(0, 1)}${++reloads}`;
        const pane = openPane(env, name);
        panes[index] = pane;
        log(`  pane ${old.name} reloads as ${name}, from storage only`);
        await pane.restore();
        break;
      }
    }
  }

  const writes: PlannedWrite[] = [];
  const reads = new Map<number, { address: string; answered: boolean }>();
  let finished = false;

  async function openEmail(n: number, paneIndex: number, address: string): Promise<void> {
    const read = { address, answered: false };
    reads.set(n, read);
    while (!finished) {
      const pane = panes[paneIndex] as ChaosPane;
      try {
        const view = await pane.people.lookup(outboxOwnerKey(pane.owner() ?? owner), { addresses: [address] });
        const found = view.byAddress.get(address);
        if (found && found.contacts.length + found.leads.length > 0) {
          read.answered = true;
          return;
        }
      } catch {
        // The pane shows the failure; the seller opens the email again a moment later.
      }
      await sleep(150);
    }
  }
  const pendingReads: Promise<void>[] = [];

  log(`chaos: seed ${options.seed}, ${options.actions} actions, writes by ${options.mode === 'upsert' ? 'upsert on an External ID' : 'check, then create'}`);
  // Every kind of fault at least once, spread over the run in a seeded order; the others fall where the dice say.
  const tour = (Object.keys(FAULT_WEIGHTS).filter((f) => f !== 'none') as Fault[])
    .map((f) => ({ f, r: random.next() }))
    .sort((a, b) => a.r - b.r)
    .map(({ f }) => f);
  const spacing = Math.max(1, Math.floor(options.actions / (tour.length + 1)));
  let currentStep = 0;
  for (let n = 0; n < options.actions; n++) {
    currentStep = n;
    for (const [index, at] of [...switchBackAt]) {
      const pane = panes[index] as ChaosPane;
      if (at > n || !seam.isOnline()) continue;
      switchBackAt.delete(index);
      if (userOf(pane) !== SECOND) continue;
      log(`  pane ${pane.name}: the seller signs back in`);
      if (!(await signInTo(pane, SELLER, true))) switchBackAt.set(index, n + 1);
    }
    const toured = n % spacing === spacing - 1 ? tour.shift() : undefined;
    if (toured) await injectFault(toured);
    const fault = random.weighted(FAULT_WEIGHTS);
    if (fault !== 'none') await injectFault(fault);
    const kind = random.weighted(ACTION_WEIGHTS);
    const paneIndex = random.int(0, panes.length - 1);
    const pane = panes[paneIndex] as ChaosPane;
    if (kind === 'open_email') {
      const address = random.pick(ADDRESSES);
      log(`#${n} pane ${pane.name}: open an email from ${address}`);
      pendingReads.push(openEmail(n, paneIndex, address));
    } else {
      const by = pane.owner() ?? owner;
      const planned = planWrite(options.seed, n, kind, random.pick(PEOPLE), by);
      writes.push(planned);
      log(`#${n} pane ${pane.name}: ${kind.replace(/_/g, ' ')}${by.userId === SECOND.id ? ` (as ${SECOND.username})` : ''}`);
      await pane.outbox.enqueue(by, planned.action);
    }
    await heal();
    await sleep(random.int(5, 30));
  }

  // The end: the network back, the seller still there, until every entry has landed or the time is up.
  log('drain: waiting for every entry to land');
  const drainUntil = Date.now() + drainTimeoutMs;
  let lastSkipAt = 0;
  let lastChange = Date.now();
  let lastShape = '';
  let entries: OutboxEntry[];
  const listAll = async () => [...(await (panes[0] as ChaosPane).outbox.list(owner)), ...(await (panes[0] as ChaosPane).outbox.list(secondOwner))];
  // Each user's work is sent only from a pane where that user is signed in: the seller in pane A, and the other user
  // in pane B while they have work left.
  switchBackAt.clear();
  while (!seam.isOnline()) await sleep(50);
  const secondHasWork = (await listAll()).some((e) => e.ownerKey === outboxOwnerKey(secondOwner) && e.status !== 'done');
  const wanted: User[] = [SELLER, secondHasWork ? SECOND : SELLER];
  for (const [index, user] of wanted.entries()) {
    const pane = panes[index] as ChaosPane;
    for (let tries = 0; userOf(pane) !== user && tries < 5; tries++) await signInTo(pane, user, true);
  }
  for (;;) {
    if (!seam.isOnline() && timers.size === 0) seam.setOnline(true);
    await heal();
    entries = await listAll();
    const pending = entries.filter((e) => e.status !== 'done');
    const readsLeft = [...reads.values()].filter((r) => !r.answered).length;
    // A failed entry waits for the seller to edit it: nothing more will happen to it by itself.
    if (pending.every((e) => e.status === 'failed') && readsLeft === 0) break;
    const shape = JSON.stringify(entries.map((e) => [e.id, e.status, e.updatedAt]));
    if (shape !== lastShape) {
      lastShape = shape;
      lastChange = Date.now();
    }
    if (Date.now() > drainUntil) {
      log(
        `drain: time is up with ${pending.length} entries not done (${pending.map((e) => `${e.status}/${e.waitingFor ?? e.failure?.kind ?? ''}`).join(', ')}) and ${readsLeft} emails not shown`,
      );
      break;
    }
    // A pane that closed mid-send left its claim. Once everything else has landed and no attempt can still be running
    // (every claim older than two deadlines and a margin, none taken since the last skip), the seller comes back later:
    // the outbox's clock moves on by the lease and the panes reopen (resume). Never while any other entry could be
    // claimed or sent: moving the clock under a live claim would end its lease early.
    const quiet = 2 * requestTimeoutMs + 3_000;
    const open = pending.filter((e) => e.status !== 'failed');
    // Work waits for its own user (never sent as another): a user whose work is left and who is signed in nowhere
    // (the pane was switched to the other user, or another pane's sign-out of that user reached it) comes back to a
    // pane and signs in, as a seller opening Outlook again would.
    const signedInNowhere = [...new Set(open.map((e) => e.owner.userId))].filter(
      (userId) => !panes.some((pane) => pane.owner()?.userId === userId && pane.connection.state().status === 'connected'),
    );
    // One at a time, once the work in progress has settled for a second: no coming and going between two users.
    for (const userId of Date.now() - lastChange > 1_000 ? signedInNowhere.slice(0, 1) : []) {
      const user = userId === SECOND.id ? SECOND : SELLER;
      const pane = panes.find((p) => p.owner()?.userId !== userId && !open.some((e) => e.owner.userId === p.owner()?.userId)) ?? panes[0];
      if (!pane) continue;
      log(`drain: ${user.username}'s work waits for ${user.username}, signed in nowhere: ${user.username} signs in again in pane ${pane.name}`);
      if (await signInTo(pane, user, pane.owner()?.userId !== userId)) usersBack++;
      lastChange = Date.now();
    }
    const onlyStaleClaims = open.length > 0 && open.every((e) => e.status === 'sending' && env.now() - e.updatedAt > quiet);
    if (onlyStaleClaims && Date.now() - lastSkipAt > quiet) {
      lastSkipAt = Date.now();
      skippedMs += SEND_LEASE_MS;
      leaseSkips++;
      log(`drain: an entry claimed by a closed pane; the seller comes back ${SEND_LEASE_MS / 1000} s later`);
      for (const pane of panes) pane.outbox.resume(pane.owner() ?? owner);
    } else if (Date.now() - lastChange > 3_000 && open.some((e) => e.status !== 'sending')) {
      // Work that waits for a sign-in made in another pane (a call cut short when that pane switched users) has
      // nothing to wake it: the seller reopens the panes.
      lastChange = Date.now();
      reopens++;
      log(`drain: nothing moved for 3 s (${pending.map((e) => `${e.status}/${e.waitingFor ?? e.failure?.kind ?? ''}`).join(', ')}); the seller reopens the panes`);
      for (const pane of panes) pane.outbox.resume(pane.owner() ?? owner);
    }
    await sleep(100);
  }
  finished = true;
  await Promise.all(pendingReads);

  // The audit.
  const tasks = org.controls.records('Task');
  const contacts = org.controls.records('Contact');
  const findings: string[] = [];
  let landedWrites = 0;
  let duplicated = 0;
  let lostWrites = 0;
  let wrongUser = 0;
  for (const write of writes) {
    const found = write.matches(tasks, contacts);
    if (found.length === 1) landedWrites++;
    if (found.length > 1) {
      duplicated++;
      findings.push(`#${write.n} ${write.action.type} landed ${found.length} times: ${found.map((r) => r.Id).join(', ')}`);
    }
    if (found.length === 0) {
      lostWrites++;
      const entry = entries.find((e) => JSON.stringify(e.action) === JSON.stringify(write.action));
      findings.push(`#${write.n} ${write.action.type} never landed (outbox: ${entry ? `${entry.status}/${entry.waitingFor ?? entry.failure?.kind ?? ''}` : 'no entry'})`);
    }
    const others = found.filter((r) => r.CreatedById !== write.owner.userId);
    if (others.length > 0) {
      wrongUser++;
      findings.push(`#${write.n} ${write.action.type} of ${write.owner.userId} created by ${others.map((r) => String(r.CreatedById)).join(', ')}`);
    }
  }
  const answered = [...reads.values()].filter((r) => r.answered).length;
  for (const [n, read] of reads) if (!read.answered) findings.push(`#${n} open email from ${read.address}: the people never showed`);

  const places: Record<string, string> = {
    'run log': runLog.join('\n'),
    console: consoleLines.join('\n'),
    'emulator request log': JSON.stringify(org.controls.log()),
    'storage dump (IndexedDB)': await dumpIndexedDb(env.indexedDB),
    'outbox entries': JSON.stringify(entries),
  };
  const tokenLeaks = tokenLeaksIn(places, seam.tokens);
  for (const leak of tokenLeaks) findings.push(`token found in ${leak}`);
  if (seam.tokens.size < 2) findings.push('the run saw no tokens to look for: the leak check proved nothing');

  for (const handle of timers) clearTimeout(handle);
  for (const pane of panes) pane.close();
  await org.close();
  consoleMethods.forEach((m, i) => {
    console[m] = originals[i] as (typeof console)[typeof m];
  });

  return {
    seed: options.seed,
    mode: options.mode,
    actions: options.actions,
    writes: writes.length,
    reads: reads.size,
    landed: landedWrites + answered,
    duplicated,
    lost: lostWrites + (reads.size - answered),
    wrongUser,
    tokenLeaks,
    faults,
    signInsAgain,
    reloads,
    leaseSkips,
    reopens,
    usersBack,
    writesByOtherUser: writes.filter((w) => w.owner.userId === SECOND.id).length,
    findings,
    durationMs: Date.now() - started,
  };
}

export function formatReport(report: ChaosReport): string {
  const faults = Object.entries(report.faults)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  return [
    `chaos run: seed ${report.seed}, writes by ${report.mode === 'upsert' ? 'upsert (External ID)' : 'check, then create'}, ${(report.durationMs / 1000).toFixed(1)} s`,
    `  actions      ${report.actions} (${report.reads} open email, ${report.writes} writes, ${report.writesByOtherUser} of them by the other user)`,
    `  landed       ${report.landed}`,
    `  duplicated   ${report.duplicated}`,
    `  lost         ${report.lost}`,
    `  wrong user   ${report.wrongUser}`,
    `  token leaks  ${report.tokenLeaks.length}`,
    `  faults       ${faults || 'none'}`,
    `  the seller   signed in again ${report.signInsAgain}×, panes reloaded ${report.reloads}×, came back later ${report.leaseSkips}×, reopened idle panes ${report.reopens}×, users back to finish their work ${report.usersBack}×`,
    ...report.findings.map((f) => `  ! ${f}`),
  ].join('\n');
}
