/**
 * npm run emulator -- [--port N] [--login-port N] [--origin https://host:port ...]
 * Starts the emulated org alone until SIGINT/SIGTERM: My Domain on https://localhost:<port> (--port,
 * SF_EMULATOR_PORT, or 8787) and the generic login host on https://127.0.0.1:<login port> (--login-port,
 * SF_EMULATOR_LOGIN_PORT, or 8788).
 */
import { startEmulator } from './server';
import { DEMO_USERS } from './seed';

function parseArgs(argv: string[]): { port: number; loginHostPort: number; origins: string[] } {
  let port = Number(process.env.SF_EMULATOR_PORT ?? 8787);
  let loginHostPort = Number(process.env.SF_EMULATOR_LOGIN_PORT ?? 8788);
  const origins: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.split('=', 2);
    const value = (): string => {
      if (inline !== undefined) return inline;
      i += 1;
      const next = argv[i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--port') port = Number(value());
    else if (flag === '--login-port') loginHostPort = Number(value());
    else if (flag === '--origin') origins.push(value().replace(/\/$/, ''));
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run emulator -- [--port N] [--login-port N] [--origin https://host:port]...');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  for (const p of [port, loginHostPort]) if (!Number.isInteger(p) || p < 0 || p > 65535) throw new Error(`invalid port ${p}`);
  return { port, loginHostPort, origins };
}

async function main(): Promise<void> {
  const { port, loginHostPort, origins } = parseArgs(process.argv.slice(2));
  const allowedOrigins = ['https://localhost:3000', ...origins];
  const org = await startEmulator({ port, loginHostPort, allowedOrigins });
  console.log(`Emulated Salesforce org on ${org.url} (HTTPS, the self-signed localhost certificate)`);
  console.log(`  My Domain / instance URL: ${org.url}`);
  console.log(`  generic login host (login.salesforce.com; identity URLs, never CORS): ${org.loginHostUrl}`);
  console.log(`  controls: ${org.url}/__emulator/`);
  console.log(`  CORS allowlist: ${allowedOrigins.join(', ')}`);
  console.log('  demo users:');
  for (const user of Object.values(DEMO_USERS)) {
    console.log(`    ${user.username} / ${user.password}  (${user.firstName} ${user.lastName}, ${user.id})`);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the emulated org`);
    org.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
