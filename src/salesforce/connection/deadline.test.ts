import { describe, expect, it } from 'vitest';
import { withDeadline } from './deadline';

describe('withDeadline', () => {
  it('settles a promise that never settles', async () => {
    const never = new Promise<never>(() => {});
    const started = Date.now();
    await expect(withDeadline(never, 30, () => new Error('deadline'))).rejects.toThrow('deadline');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('passes a result and a rejection through before the deadline', async () => {
    await expect(withDeadline(Promise.resolve(7), 1000, () => new Error('deadline'))).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error('boom')), 1000, () => new Error('deadline'))).rejects.toThrow('boom');
  });

  it('ignores a late result after the deadline fired', async () => {
    let resolveLate!: (v: number) => void;
    const late = new Promise<number>((r) => (resolveLate = r));
    const bounded = withDeadline(late, 10, () => new Error('deadline'));
    await expect(bounded).rejects.toThrow('deadline');
    resolveLate(1);
    await expect(bounded).rejects.toThrow('deadline');
  });
});
