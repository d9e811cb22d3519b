/** Defensive readers for Salesforce JSON: anything unexpected becomes null, never a crash or a non-string. */
export function str(record: unknown, key: string): string | null {
  if (!record || typeof record !== 'object') return null;
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

export function num(record: unknown, key: string): number | null {
  if (!record || typeof record !== 'object') return null;
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function obj(record: unknown, key: string): unknown {
  if (!record || typeof record !== 'object') return undefined;
  return (record as Record<string, unknown>)[key];
}

/** records[] of a query result (or of a parent-to-child subquery, which is null when empty). */
export function recordsOf(result: unknown): unknown[] {
  const records = obj(result, 'records');
  return Array.isArray(records) ? records : [];
}
