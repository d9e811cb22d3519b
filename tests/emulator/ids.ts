/** Salesforce record ids: 3-char key prefix, 12 more chars, then a 3-char case checksum making them 18 long. */

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Salesforce's documented 15 → 18 conversion: one suffix char per 5-char chunk, bit i set when char i is A-Z. */
export function to18(id15: string): string {
  if (id15.length !== 15) return id15;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET.charAt(bits);
  }
  return id15 + suffix;
}

/** Deterministic id for the n-th record with this key prefix, e.g. makeId('003', 1). */
export function makeId(prefix: string, n: number): string {
  let digits = '';
  let rest = n;
  do {
    digits = BASE62.charAt(rest % 62) + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  const id15 = `${prefix}5e${digits.padStart(10, '0')}`;
  return to18(id15);
}

export function looksLikeId(value: string): boolean {
  return /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value);
}

/** Ids compare by their case-sensitive first 15 characters; 15 and 18 forms of one id are equal. */
export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  if (a.length === 18 && b.length === 15) return a.slice(0, 15) === b;
  if (a.length === 15 && b.length === 18) return b.slice(0, 15) === a;
  return false;
}
