/**
 * PKCE (RFC 7636) with S256 and the OAuth `state`, from WebCrypto only: no library, no Math.random.
 * The verifier never leaves the pane; only its challenge travels to the dialog.
 */

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

function cryptoApi(): Crypto {
  const api = globalThis.crypto;
  if (!api?.subtle || !api.getRandomValues) throw new Error('WebCrypto is not available');
  return api;
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random string of `length` unreserved characters (RFC 7636 §4.1 allows 43–128). */
export function randomUnreserved(length: number): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 66).
  const limit = 256 - (256 % UNRESERVED.length);
  let out = '';
  while (out.length < length) {
    const bytes = cryptoApi().getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < limit && out.length < length) out += UNRESERVED[byte % UNRESERVED.length];
    }
  }
  return out;
}

export function createCodeVerifier(length = 64): string {
  if (length < 43 || length > 128) throw new RangeError('A PKCE code verifier must be 43 to 128 characters');
  return randomUnreserved(length);
}

export async function codeChallengeS256(verifier: string): Promise<string> {
  const digest = await cryptoApi().subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64UrlEncode(new Uint8Array(digest));
}

/** 128 bits of randomness, URL-safe: binds the dialog's answer to the click that opened it. */
export function createState(): string {
  return base64UrlEncode(cryptoApi().getRandomValues(new Uint8Array(16)));
}

export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

export async function createPkcePair(): Promise<PkcePair> {
  const verifier = createCodeVerifier();
  return { verifier, challenge: await codeChallengeS256(verifier), method: 'S256' };
}

/**
 * Keeps one PKCE pair ready, so a click reaches displayDialogAsync through microtasks only: SHA-256 in WebCrypto is
 * asynchronous, and a pop-up opened after a real task boundary can lose the click's user activation (Safari).
 */
export function createPkcePool(make: () => Promise<PkcePair> = createPkcePair): { take(): Promise<PkcePair> } {
  let next: Promise<PkcePair> = make();
  return {
    take() {
      const current = next;
      next = make();
      // A failed pre-computation is retried on the spot instead of failing the sign-in.
      return current.catch(() => make());
    },
  };
}
