import { describe, expect, it } from 'vitest';
import { base64UrlEncode, codeChallengeS256, createCodeVerifier, createPkcePair, createState } from './pkce';

describe('PKCE', () => {
  it('matches the RFC 7636 appendix B example', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of unreserved characters only, of the asked length', () => {
    for (const length of [43, 64, 128]) {
      const verifier = createCodeVerifier(length);
      expect(verifier).toHaveLength(length);
      expect(verifier).toMatch(/^[A-Za-z0-9\-._~]+$/);
    }
    expect(() => createCodeVerifier(42)).toThrow(RangeError);
    expect(() => createCodeVerifier(129)).toThrow(RangeError);
  });

  it('never repeats a verifier or a state', () => {
    const verifiers = new Set(Array.from({ length: 200 }, () => createCodeVerifier()));
    const states = new Set(Array.from({ length: 200 }, () => createState()));
    expect(verifiers.size).toBe(200);
    expect(states.size).toBe(200);
  });

  it('pairs a verifier with its S256 challenge', async () => {
    const pair = await createPkcePair();
    expect(pair.method).toBe('S256');
    expect(pair.challenge).toBe(await codeChallengeS256(pair.verifier));
    expect(pair.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('encodes base64url without padding', () => {
    expect(base64UrlEncode(new Uint8Array([251, 255]))).toBe('-_8');
  });
});

describe('PKCE pool', () => {
  it('hands out a ready pair and never the same pair twice', async () => {
    const { createPkcePool } = await import('./pkce');
    const pool = createPkcePool();
    const a = await pool.take();
    const b = await pool.take();
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(await codeChallengeS256(a.verifier));
  });

  it('recovers from a failed pre-computation', async () => {
    const { createPkcePool } = await import('./pkce');
    let calls = 0;
    const pool = createPkcePool(async () => {
      calls += 1;
      if (calls === 1) throw new Error('not ready');
      return createPkcePair();
    });
    await expect(pool.take()).resolves.toMatchObject({ method: 'S256' });
  });
});
