/**
 * Reads for the classifier that never throw: its inputs may be Proxies whose traps throw, objects with throwing
 * getters, frozen or circular objects. Each guarded read takes what it cannot read as absent.
 */
export function read(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    // A throwing getter or Proxy trap: the input is read as not having the field.
    return undefined;
  }
}

export function readString(value: unknown, key: string): string | undefined {
  const v = read(value, key);
  return typeof v === 'string' ? v : undefined;
}

export function readStatus(value: unknown): number | undefined {
  for (const key of ['status', 'statusCode', 'httpStatusCode']) {
    const v = read(value, key);
    const n = typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599) return n;
  }
  return undefined;
}

export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    // A revoked Proxy: not an array this classifier can read.
    return false;
  }
}

export function stringsOf(value: unknown): string[] {
  if (!isArray(value)) return [];
  const out: string[] = [];
  try {
    const length = Math.min(Number(value.length) || 0, 50);
    for (let i = 0; i < length; i++) {
      const item = read(value, String(i));
      if (typeof item === 'string') out.push(item);
    }
  } catch {
    // a hostile array: keep what was read
  }
  return out;
}

export function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const get = read(headers, 'get');
  if (typeof get === 'function') {
    try {
      const v: unknown = get.call(headers, name);
      if (typeof v === 'string') return v;
    } catch {
      // not a Headers after all
    }
  }
  let keys: string[];
  try {
    keys = Object.keys(headers);
  } catch {
    // Headers that cannot be listed hold no header this classifier can use.
    return undefined;
  }
  const key = keys.find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : readString(headers, key);
}
