/**
 * npm run emulator -- [--port N] [--origin https://host:port ...]
 * Starts the emulated org alone (port from --port, SF_EMULATOR_PORT, or 8787) until SIGINT/SIGTERM.
 */
import { startEmulator } from './server';
import { DEMO_USERS } from './seed';

function parseArgs(argv: string[]): { port: number; origins: string[] } {
  let port = Number(process.env.SF_EMULATOR_PORT ?? 8787);
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
    else if (flag === '--origin') origins.push(value().replace(/\/$/, ''));
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run emulator -- [--port N] [--origin https://host:port]...');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${port}`);
  return { port, origins };
}

async function main(): Promise<void> {
  const { port, origins } = parseArgs(process.argv.slice(2));
  const allowedOrigins = ['https://localhost:3000', ...origins];
  const org = await startEmulator({ port, allowedOrigins });
  console.log(`Emulated Salesforce org on ${org.url}`);
  console.log(`  login URL / My Domain / instance URL: ${org.url}`);
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
