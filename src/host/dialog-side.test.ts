import { afterEach, describe, expect, it } from 'vitest';
import { messageParent, whenDialogReady, whenOfficeSettles } from './dialog-side';

const scope = globalThis as { Office?: unknown };
afterEach(() => {
  delete scope.Office;
});

describe('the dialog pages’ Office calls', () => {
  it('whenOfficeSettles: at once without office.js, on onReady, and never later than its bound', async () => {
    await expect(whenOfficeSettles(10_000)).resolves.toBeUndefined();
    scope.Office = { onReady: (callback: () => void) => setTimeout(callback, 5) };
    await expect(whenOfficeSettles(10_000)).resolves.toBeUndefined();
    scope.Office = { onReady: () => new Promise(() => undefined) };
    const started = Date.now();
    await whenOfficeSettles(50);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('whenDialogReady: true only with messageParent once office.js is ready', async () => {
    expect(await whenDialogReady()).toBe(false);
    scope.Office = { onReady: (callback: () => void) => callback(), context: { ui: {} } };
    expect(await whenDialogReady()).toBe(false);
    scope.Office = { onReady: (callback: () => void) => callback(), context: { ui: { messageParent: () => undefined } } };
    expect(await whenDialogReady()).toBe(true);
  });

  it('messageParent: restricted to the origin, the plain form where DialogOrigin 1.1 is missing, a throw without Office', () => {
    const sent: unknown[][] = [];
    scope.Office = { context: { ui: { messageParent: (...args: unknown[]) => void sent.push(args) } } };
    messageParent('{"code":"c"}', 'https://addin.contoso.com');
    expect(sent).toEqual([['{"code":"c"}', { targetOrigin: 'https://addin.contoso.com' }]]);

    const plain: unknown[][] = [];
    scope.Office = {
      context: {
        ui: {
          messageParent: (...args: unknown[]) => {
            if (args.length > 1) throw new Error('Invalid parameters');
            plain.push(args);
          },
        },
      },
    };
    messageParent('{"code":"c"}', 'https://addin.contoso.com');
    expect(plain).toEqual([['{"code":"c"}']]);

    delete scope.Office;
    expect(() => messageParent('{}', 'https://addin.contoso.com')).toThrow(/not available/);
  });
});
