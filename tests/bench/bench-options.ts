/** Command-line options of `npm run bench` (also read from BENCH_* environment variables). */
export const SECTION_IDS = ['limits', 'bundle', 'cold-start', 'people', 'connection'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface BenchOptions {
  /** Timed runs per browser measurement (cold start, people); default 5. */
  runs: number;
  /** Rounds of "50 concurrent queries after the session expired"; default 5. */
  refreshRounds: number;
  /** How long each throughput measurement may run, in ms; default 3000. */
  throughputMs: number;
  /** Sections to run; default all. */
  only: SectionId[];
  /** Rebuild dist/ with Vite even if it exists. */
  build: boolean;
  /** Where to write the JSON results. */
  out?: string;
  /** Upper bound for one section, in ms; default 240000. */
  sectionTimeoutMs: number;
}

const USAGE = `usage: npm run bench -- [--runs N] [--refresh-rounds N] [--throughput-ms MS] [--only ${SECTION_IDS.join(',')}] [--build] [--out FILE] [--section-timeout-ms MS]`;

function positiveInt(name: string, value: string | undefined, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be an integer from 1 to ${max} (got ${value ?? 'nothing'})\n${USAGE}`);
  return n;
}

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const options: BenchOptions = {
    runs: env.BENCH_RUNS ? positiveInt('BENCH_RUNS', env.BENCH_RUNS, 100) : 5,
    refreshRounds: 5,
    throughputMs: 3000,
    only: [...SECTION_IDS],
    build: false,
    out: env.BENCH_OUT || undefined,
    sectionTimeoutMs: 240_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--runs':
        options.runs = positiveInt('--runs', value(), 100);
        break;
      case '--refresh-rounds':
        options.refreshRounds = positiveInt('--refresh-rounds', value(), 100);
        break;
      case '--throughput-ms':
        options.throughputMs = positiveInt('--throughput-ms', value(), 60_000);
        break;
      case '--section-timeout-ms':
        options.sectionTimeoutMs = positiveInt('--section-timeout-ms', value(), 1_800_000);
        break;
      case '--only': {
        const ids = (value() ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const unknown = ids.filter((id) => !(SECTION_IDS as readonly string[]).includes(id));
        if (ids.length === 0 || unknown.length) throw new Error(`--only: unknown section(s) ${unknown.join(', ') || '(none given)'}\n${USAGE}`);
        options.only = ids as SectionId[];
        break;
      }
      case '--build':
        options.build = true;
        break;
      case '--out':
        options.out = value();
        if (!options.out) throw new Error(`--out needs a file\n${USAGE}`);
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  return options;
}
