/**
 * npm start: the emulated Salesforce org and the add-in (Vite dev server with HMR) inside the Outlook harness.
 * Ports: the add-in on 3000 (the manifest, the callback URL and the org's CORS allowlist name it); the org's My Domain
 * on 8787 or SF_EMULATOR_PORT, its generic login host on the next port or SF_EMULATOR_LOGIN_PORT.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS } from '../emulator/seed';
import { startEmulator } from '../emulator/server';
import { getLocalhostCertificate } from './certificate';
import { startHarness } from './server';
import { relaunchTrustingLocalhostCertificate } from './trust-localhost-certificate';

const ADDIN_PORT = 3000;
const ADDIN_ORIGIN = `https://localhost:${ADDIN_PORT}`;

async function main(): Promise<void> {
  // The harness proxies the org's controls over HTTPS from this process.
  if (await relaunchTrustingLocalhostCertificate()) return;
  const emulatorPort = Number(process.env.SF_EMULATOR_PORT ?? 8787);
  if (!Number.isInteger(emulatorPort) || emulatorPort < 0 || emulatorPort > 65535) throw new Error(`invalid SF_EMULATOR_PORT ${process.env.SF_EMULATOR_PORT}`);

  const loginHostPort = Number(process.env.SF_EMULATOR_LOGIN_PORT ?? (emulatorPort === 0 ? 0 : emulatorPort + 1));
  const org = await startEmulator({ port: emulatorPort, loginHostPort, allowedOrigins: [ADDIN_ORIGIN] });

  // public/config.json names https://localhost:8787; another port needs the config served to match.
  const publicConfig = JSON.parse(await readFile(fileURLToPath(new URL('../../public/config.json', import.meta.url)), 'utf8')) as {
    salesforce: Record<string, unknown>;
  };
  const configOverride = publicConfig.salesforce.loginUrl === org.url ? undefined : { ...publicConfig, salesforce: { ...publicConfig.salesforce, loginUrl: org.url } };

  let harness;
  try {
    harness = await startHarness({ port: ADDIN_PORT, mode: 'dev', emulatorUrl: org.url, configOverride });
  } catch (error) {
    await org.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`port ${ADDIN_PORT} is in use: stop the other dev server first`, { cause: error });
    throw error;
  }

  console.log('');
  console.log(`  Outlook harness:     ${harness.harnessUrl}`);
  console.log(`  The add-in:          ${harness.origin}   (another site, as in Outlook on the web)`);
  const certificate = await getLocalhostCertificate();
  console.log(`  Certificate:         ${certificate.description}`);
  if (certificate.kind === 'self-signed') {
    console.log('                       (your browser warns on each host: accept it on all; `npx office-addin-dev-certs install` once');
    console.log('                       makes one Outlook on Windows and Mac trusts)');
  }
  console.log(`  Emulated Salesforce: ${org.url} (My Domain)   controls: ${org.url}/__emulator/`);
  console.log(`                       ${org.loginHostUrl} (generic login host, like login.salesforce.com)`);
  console.log('  Sign in as:');
  for (const user of Object.values(DEMO_USERS)) console.log(`    ${user.username} / ${user.password}   (${user.firstName} ${user.lastName})`);
  console.log('');
  console.log('  Ctrl+C stops both.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    void Promise.allSettled([harness.close(), org.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
