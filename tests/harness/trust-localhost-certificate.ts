/**
 * Node processes that call the emulated org or the harness over HTTPS must trust the localhost certificate they
 * present (tests/harness/certificate.ts: office-addin-dev-certs's CA when installed, else the self-signed
 * certificate). Node reads NODE_EXTRA_CA_CERTS only at start, so a script that is not started with it runs itself
 * again with it set: exactly that certificate (or CA) is trusted, certificate checks stay on.
 * (vitest.config.ts sets it for the integration and e2e workers instead.)
 *
 *   if (await relaunchTrustingLocalhostCertificate()) return; // this process is now only the parent
 */
import { spawn } from 'node:child_process';
import { getLocalhostCertificate } from './certificate';

/** Resolves true when this process started a trusting copy of itself and must do nothing more. */
export async function relaunchTrustingLocalhostCertificate(): Promise<boolean> {
  const { trustFile } = await getLocalhostCertificate();
  if (process.env.NODE_EXTRA_CA_CERTS === trustFile) return false;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: trustFile },
  });
  // Ctrl+C reaches both processes (same process group); the child stops itself and the parent follows its exit.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code) => process.exit(code ?? 1));
  return true;
}
