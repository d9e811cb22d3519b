/** Looks for tokens where none may be: logs, request logs, storage dumps. */

/** Any 24-character window of a token (or the whole of a short one), taken every 6 characters: what a leak shows. */
export function containsToken(text: string, token: string): boolean {
  const window = Math.min(24, token.length);
  for (let i = 0; i + window <= token.length; i += 6) if (text.includes(token.slice(i, i + window))) return true;
  return false;
}

/** One line per place where a token was found: "<place>: N token(s)". Empty when none. */
export function tokenLeaksIn(places: Record<string, string>, tokens: Iterable<string>): string[] {
  const all = [...tokens].filter((t) => t.length > 0);
  const leaks: string[] = [];
  for (const [place, text] of Object.entries(places)) {
    const found = all.filter((token) => containsToken(text, token));
    if (found.length > 0) leaks.push(`${place}: ${found.length} token(s)`);
  }
  return leaks;
}
