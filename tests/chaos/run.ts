/**
 * npm run chaos [-- --seed N --actions N --mode check|upsert|both --verbose]
 *
 * Seeded seller actions across two panes while the emulated org and the network misbehave (see chaos-run.ts), then
 * the figures: actions, landed, duplicated, lost, wrong user, token leaks. Defaults: seed 1, 200 actions, both write
 * modes (check-then-create, then upsert on an External ID), one after the other. Exit code 1 when anything was
 * duplicated, lost, made as another user or a token was found where none may be.
 */
import { relaunchTrustingLocalhostCertificate } from '../harness/trust-localhost-certificate';
import { formatReport, runChaos, type WriteMode } from './chaos-run';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  if (await relaunchTrustingLocalhostCertificate()) return;
  const seed = Number(option('seed') ?? 1);
  const actions = Number(option('actions') ?? 200);
  const modeOption = option('mode') ?? 'both';
  const verbose = process.argv.includes('--verbose');
  if (!Number.isInteger(seed) || !Number.isInteger(actions) || actions < 1 || !['check', 'upsert', 'both'].includes(modeOption)) {
    process.stderr.write('usage: npm run chaos -- [--seed N] [--actions N] [--mode check|upsert|both] [--verbose]\n');
    process.exit(2);
  }
  const modes: WriteMode[] = modeOption === 'both' ? ['check', 'upsert'] : [modeOption as WriteMode];
  let failed = false;
  for (const mode of modes) {
    const report = await runChaos({ seed, actions, mode, ...(verbose ? { log: (line: string) => process.stderr.write(`${line}\n`) } : {}) });
    process.stdout.write(`${formatReport(report)}\n`);
    failed ||= report.duplicated > 0 || report.lost > 0 || report.wrongUser > 0 || report.tokenLeaks.length > 0;
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`chaos: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
