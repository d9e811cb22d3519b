/** `--name value` pairs of the manifest and release scripts; unknown or valueless options are refused. */
export function parseOptions(argv: string[], known: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !known.includes(match[1]!)) throw new Error(`unknown argument ${arg}: use ${known.map((k) => `--${k}`).join(', ')}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${match[1]} needs a value`);
    options[match[1]!] = value;
  }
  return options;
}
