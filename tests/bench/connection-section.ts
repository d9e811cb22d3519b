/**
 * Connection: the real wrapper (src/salesforce/connection) with real jsforce in Node, against the emulated org in a
 * child process over loopback HTTP. Measures the single-flight refresh (50 concurrent queries after every session
 * expired: wall time, token calls, REST calls) beside the same 50 queries on a live session, and the throughput of
 * plain queries, sequential and 10 at a time, beside raw fetch of the same query (the wrapper's own cost).
 */
import { startEmulatorProcess, type EmulatorProcess } from './emulator-process';
import { checkAborted, importOrNotAvailable, ms, type Check, type Row, type Section } from './section-result';
import { round1, summarize, type Summary } from './stats';

const CONCURRENT = 50;
const SOQL = 'SELECT Id, Name FROM Contact LIMIT 5';

export interface ConnectionSectionOptions {
  refreshRounds: number;
  throughputMs: number;
}

interface Throughput {
  queries: number;
  elapsedMs: number;
  perSecond: number;
  meanLatencyMs: number;
  failures: number;
}

/** Runs `once` from `workers` loops until `durationMs` has passed (and at most `maxQueries` in all). */
async function throughput(once: () => Promise<void>, workers: number, durationMs: number, signal: AbortSignal, maxQueries = 20_000): Promise<Throughput> {
  const started = performance.now();
  const deadline = started + durationMs;
  let queries = 0;
  let failures = 0;
  let latencyTotal = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline && queries < maxQueries && !signal.aborted) {
        queries++;
        const t0 = performance.now();
        try {
          await once();
        } catch {
          failures++;
        }
        latencyTotal += performance.now() - t0;
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  return { queries, elapsedMs, perSecond: (queries / elapsedMs) * 1000, meanLatencyMs: latencyTotal / Math.max(1, queries), failures };
}

function describeThroughput(t: Throughput): string {
  return `${t.perSecond.toFixed(0)} q/s`;
}

export function connectionSection(options: ConnectionSectionOptions): Section {
  return {
    id: 'connection',
    title: 'Connection wrapper (Node, real jsforce, emulator over loopback)',
    async run(signal) {
      // The wrapper itself, and the integration tests' fixture that signs in over HTTP and wires it with real jsforce.
      await importOrNotAvailable(() => import('../../src/salesforce/connection/salesforce-connection'), 'the connection wrapper', 'salesforce-connection');
      const fixture = await importOrNotAvailable(() => import('../integration/connection-fixture'), 'the connection test fixture', 'connection-fixture');

      let emulator: EmulatorProcess | undefined;
      const stopEmulator = () => emulator?.stop();
      signal.addEventListener('abort', () => void stopEmulator(), { once: true });
      try {
        emulator = await startEmulatorProcess();
        const org = emulator;
        const { tokens, identity } = await fixture.signIn(org.url);
        const api = fixture.connectionFor(org.url, { tokenStore: fixture.memoryTokenStore() });
        try {
          await api.start(tokens, identity);
          // Loads jsforce and opens the keep-alive sockets: not part of any timing.
          await api.query(SOQL);
          checkAborted(signal);

          // Throughput first, while the sign-in's access token is still the live one (raw fetch uses it).
          const rawUrl = `${tokens.instanceUrl}/services/data/v62.0/query?q=${encodeURIComponent(SOQL)}`;
          const raw = async () => {
            const response = await fetch(rawUrl, { headers: { Authorization: `Bearer ${tokens.accessToken}` } });
            await response.arrayBuffer();
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
          };
          const viaWrapper = async () => {
            await api.query(SOQL);
          };
          const slice = Math.max(250, Math.floor(options.throughputMs / 2));
          await throughput(raw, 1, 100, signal); // warm the fetch sockets
          const rawSequential = await throughput(raw, 1, slice, signal);
          checkAborted(signal);
          const wrapperSequential = await throughput(viaWrapper, 1, slice, signal);
          checkAborted(signal);
          const wrapperConcurrent = await throughput(viaWrapper, 10, slice, signal);
          checkAborted(signal);

          const refreshTimes: number[] = [];
          const liveTimes: number[] = [];
          const rounds: Array<{ refreshMs: number; liveMs: number; tokenCalls: number; restCalls: number; failures: number }> = [];
          for (let round = 0; round < options.refreshRounds; round++) {
            checkAborted(signal);
            // The same 50 queries on a live session: what the refresh adds is the difference.
            let t0 = performance.now();
            await Promise.all(Array.from({ length: CONCURRENT }, () => api.query(SOQL)));
            const liveMs = performance.now() - t0;

            await org.control('expire-sessions');
            const mark = (await org.log()).length;
            t0 = performance.now();
            const settled = await Promise.allSettled(Array.from({ length: CONCURRENT }, () => api.query(SOQL)));
            const refreshMs = performance.now() - t0;
            const after = (await org.log()).slice(mark);
            const tokenCalls = after.filter((e) => e.area === 'oauth' && e.path === '/services/oauth2/token').length;
            const restCalls = after.filter((e) => e.area === 'rest').length;
            const failures = settled.filter((r) => r.status === 'rejected').length;
            rounds.push({ refreshMs: round1(refreshMs), liveMs: round1(liveMs), tokenCalls, restCalls, failures });
            refreshTimes.push(refreshMs);
            liveTimes.push(liveMs);
          }
          const refresh = summarize(refreshTimes) as Summary;
          const live = summarize(liveTimes) as Summary;
          const tokenCallCounts = [...new Set(rounds.map((r) => r.tokenCalls))];
          const restCallCounts = [...new Set(rounds.map((r) => r.restCalls))];
          const totalFailures = rounds.reduce((s, r) => s + r.failures, 0);

          const rows: Row[] = [
            {
              metric: `${CONCURRENT} concurrent queries after expireSessions()`,
              value: `${ms(refresh.median)} median`,
              note: `p95 ${ms(refresh.p95)}, ${rounds.length} rounds, one refresh each`,
            },
            {
              metric: `${CONCURRENT} concurrent queries, live session`,
              value: `${ms(live.median)} median`,
              note: `p95 ${ms(live.p95)}; the refresh adds ≈ ${ms(refresh.median - live.median)}`,
            },
            { metric: 'token endpoint calls per expiry', value: tokenCallCounts.join(' / '), note: 'must be 1 (single flight)' },
            {
              metric: 'REST calls per expiry round',
              value: restCallCounts.join(' / '),
              note: `${CONCURRENT} refused + ${CONCURRENT} retried = ${CONCURRENT * 2} expected; failures: ${totalFailures}`,
            },
            { metric: 'raw fetch, sequential', value: describeThroughput(rawSequential), note: `${ms(rawSequential.meanLatencyMs)} per query (baseline: emulator + loopback)` },
            {
              metric: 'wrapper query, sequential',
              value: describeThroughput(wrapperSequential),
              note: `${ms(wrapperSequential.meanLatencyMs)} per query; wrapper + jsforce add ≈ ${ms(wrapperSequential.meanLatencyMs - rawSequential.meanLatencyMs)}`,
            },
            {
              metric: 'wrapper query, 10 at a time',
              value: describeThroughput(wrapperConcurrent),
              note: `${ms(wrapperConcurrent.meanLatencyMs)} mean latency, ${wrapperConcurrent.queries} queries`,
            },
          ];
          const checks: Check[] = [
            {
              name: 'one token call per expiry (50 concurrent)',
              pass: rounds.every((r) => r.tokenCalls === 1),
              detail: `token calls per round: ${rounds.map((r) => r.tokenCalls).join(', ')}`,
            },
            { name: 'all concurrent queries succeed across the refresh', pass: totalFailures === 0, detail: `${totalFailures} failed of ${rounds.length * CONCURRENT}` },
            {
              name: 'plain queries never fail',
              pass: rawSequential.failures + wrapperSequential.failures + wrapperConcurrent.failures === 0,
              detail: `failures raw ${rawSequential.failures}, sequential ${wrapperSequential.failures}, concurrent ${wrapperConcurrent.failures}`,
            },
          ];
          return {
            rows,
            checks,
            data: {
              concurrent: CONCURRENT,
              soql: SOQL,
              refreshAfterExpiry: refresh,
              liveSession: live,
              rounds,
              throughput: { rawSequential, wrapperSequential, wrapperConcurrent10: wrapperConcurrent },
              emulator: 'child process (tests/emulator/cli.ts), loopback HTTP',
            },
          };
        } finally {
          api.dispose();
        }
      } finally {
        await stopEmulator();
      }
    },
  };
}
