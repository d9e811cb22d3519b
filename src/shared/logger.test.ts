import { describe, expect, it } from 'vitest';
import { carryOn, createLogBook, DEBUG_LOG_STORAGE_KEY, type LogLevel } from './logger';

const ACCESS_TOKEN = '00D5e000000DemoA!AQ4AQFh3dGVzdC1hY2Nlc3MtdG9rZW4.x_y';
const REFRESH_TOKEN = '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ2lmnopQRS';

function recording() {
  const lines: Array<{ level: LogLevel; line: string }> = [];
  return { lines, sink: (level: LogLevel, line: string) => void lines.push({ level, line }) };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('the debug log', () => {
  it('is off by default: nothing reaches the sink at any level', () => {
    const { lines, sink } = recording();
    const book = createLogBook({ sink });
    const log = book.createLogger('test');
    log.debug('a');
    log.info('b');
    log.warn('c', new Error('d'));
    log.error('e');
    expect(book.isEnabled()).toBe(false);
    expect(lines).toEqual([]);
  });

  it('once on, writes each level with its scope; off again, stops', () => {
    const { lines, sink } = recording();
    const book = createLogBook({ sink });
    const log = book.createLogger('host.dialog');
    book.setEnabled(true);
    log.debug('opened');
    log.info('told', 3, true, null, undefined);
    log.warn('odd', { kind: 'transient', attempt: 2 });
    log.error('failed', new TypeError('Failed to fetch'));
    book.setEnabled(false);
    log.error('after');
    expect(lines).toEqual([
      { level: 'debug', line: '[host.dialog] opened' },
      { level: 'info', line: '[host.dialog] told 3 true null undefined' },
      { level: 'warn', line: '[host.dialog] odd {"kind":"transient","attempt":2}' },
      { level: 'error', line: '[host.dialog] failed TypeError: Failed to fetch' },
    ]);
  });

  it('never lets a token-looking string reach the sink, however it is passed', () => {
    const { lines, sink } = recording();
    const book = createLogBook({ sink });
    book.setEnabled(true);
    const log = book.createLogger('auth');
    log.debug(`refresh with ${REFRESH_TOKEN}`);
    log.debug('header', `Authorization: Bearer ${ACCESS_TOKEN}`);
    log.info('session', { accessToken: 'short1', refreshToken: 'short2', instanceUrl: 'https://demo.my.salesforce.com' });
    log.warn('nested', { answer: { body: `{"access_token":"${ACCESS_TOKEN}"}` } });
    log.error('failed', Object.assign(new Error(`grant refresh_token=${REFRESH_TOKEN}`), { code: 'invalid_grant', cause: new Error(`sid ${ACCESS_TOKEN}`) }));
    log.debug('form', `code=aPrx8WjK3&code_verifier=${REFRESH_TOKEN}`);
    log.debug('long', `${'x '.repeat(1000)}${REFRESH_TOKEN}${REFRESH_TOKEN}`);
    expect(lines).toHaveLength(7);
    for (const { line } of lines) {
      expect(line).not.toContain('00D5e000000DemoA!');
      expect(line).not.toContain('AQ4AQFh3dGVzdC1hY2Nlc3M');
      expect(line).not.toContain('5Aep861TSESvWeug');
      expect(line).not.toContain('short1');
      expect(line).not.toContain('short2');
      expect(line).not.toContain('aPrx8WjK3');
    }
    expect(lines[2]?.line).toContain('https://demo.my.salesforce.com');
    expect(lines[4]?.line).toContain('code: invalid_grant');
  });

  it('a detail that cannot be read, or a sink that throws, never throws at the caller', () => {
    const { lines, sink } = recording();
    const book = createLogBook({ sink });
    book.setEnabled(true);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    expect(() => book.createLogger('x').debug('cyclic', cyclic)).not.toThrow();
    expect(() => book.createLogger('x').debug('hostile', hostile)).not.toThrow();
    expect(lines.map((l) => l.line)).toEqual(['[x] cyclic (details could not be read)', '[x] hostile (details could not be read)']);
    const throwing = createLogBook({
      sink: () => {
        throw new Error('console gone');
      },
    });
    throwing.setEnabled(true);
    expect(() => throwing.createLogger('x').error('still fine')).not.toThrow();
  });

  it('keeps a long line short', () => {
    const { lines, sink } = recording();
    const book = createLogBook({ sink });
    book.setEnabled(true);
    book.createLogger('x').debug('big', 'word '.repeat(10_000), 'word '.repeat(10_000));
    expect(lines[0]?.line.length).toBeLessThanOrEqual(2000);
  });

  it('remembers the switch under a non-secret key, and tells subscribers', () => {
    const storage = memoryStorage();
    const book = createLogBook({ sink: () => undefined, storage });
    const heard: boolean[] = [];
    book.subscribe((on) => heard.push(on));
    book.setEnabled(true);
    expect(storage.items.get(DEBUG_LOG_STORAGE_KEY)).toBe('on');
    expect(createLogBook({ storage }).isEnabled()).toBe(true);
    book.setEnabled(true);
    book.setEnabled(false);
    expect(storage.items.has(DEBUG_LOG_STORAGE_KEY)).toBe(false);
    expect(createLogBook({ storage }).isEnabled()).toBe(false);
    expect(heard).toEqual([true, false]);
    expect(DEBUG_LOG_STORAGE_KEY).toMatch(/^sellers-addin\./);
  });

  it('storage that refuses leaves the log off and the switch working for the page', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const { lines, sink } = recording();
    const book = createLogBook({ sink, storage: refusing });
    expect(book.isEnabled()).toBe(false);
    book.setEnabled(true);
    book.createLogger('x').info('on');
    expect(lines).toEqual([{ level: 'info', line: '[x] on' }]);
  });
});

describe('carryOn', () => {
  it('answers the fallback and leaves one debug line with the scrubbed error', async () => {
    const lines: string[] = [];
    const book = createLogBook({ sink: (_level, line) => lines.push(line) });
    book.setEnabled(true);
    const log = book.createLogger('test.scope');
    await expect(Promise.reject(new Error('access_token=00Dxx!secret')).catch(carryOn(log, 'saving failed', 7))).resolves.toBe(7);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('saving failed');
    expect(lines[0]).not.toContain('00Dxx!secret');
  });
});
