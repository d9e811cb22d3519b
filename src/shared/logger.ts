/**
 * A scoped debug log (oidc-client-ts's Logger is the model): `createLogger('host.dialog').debug('what failed', error)`.
 * Off by default; the seller (or support on a call) turns it on in About and diagnostics, and the choice lasts for the
 * tab's session. Every line is formatted to text and passed through scrubSecrets before the sink sees it, so the
 * console never holds a token, and never an object the console could expand past the scrubber.
 *
 * One log book per page ({@link debugLog}); tests make their own with {@link createLogBook} and a recording sink. A
 * window of its own (the sign-in dialog, MSAL's popup pages) reads the flag from its own sessionStorage, which the
 * pane's switch does not reach: its lines are written only where a developer sets the flag in that window.
 */
import { createEmitter } from './event-emitter';
import { cutAtWord as cut, scrubSecrets } from './scrub-secrets';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where finished lines go: formatted, scrubbed text only. */
export type LogSink = (level: LogLevel, line: string) => void;

export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export interface LogBook {
  createLogger(scope: string): Logger;
  isEnabled(): boolean;
  setEnabled(on: boolean): void;
  /** Told when the switch changes (the diagnostics Switch follows it). */
  subscribe(listener: (on: boolean) => void): () => void;
}

/** The key the switch is remembered under: a flag, never anything about the seller. */
export const DEBUG_LOG_STORAGE_KEY = 'sellers-addin.debug-log';

type FlagStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface LogBookOptions {
  sink?: LogSink;
  /** Where the switch is remembered; none: it lasts as long as the page. */
  storage?: FlagStorage;
}

const LINE_MAX = 2000;
const DETAIL_MAX = 600;
/** Read no further into one detail: the scrubber's patterns are cheap, but a megabyte answer is no log line. */
const RAW_MAX = 20_000;
/** Values under keys named like these never reach the text, even before the scrubber looks at it. */
const SECRET_KEY = /token|secret|password|verifier|assertion|authorization|cookie|^sid$|^code$/i;

export const consoleSink: LogSink = (level, line) => {
  console[level](line);
};

function errorText(error: Error, depth: number): string {
  const extra: string[] = [];
  const fields = error as unknown as Record<string, unknown>;
  for (const key of ['errorCode', 'code', 'status']) {
    const value = fields[key];
    // "key: value", not "key=value": the scrubber reads `code=` as an OAuth authorization code.
    if (typeof value === 'string' || typeof value === 'number') extra.push(`${key}: ${value}`);
  }
  const text = `${error.name}: ${error.message}${extra.length ? ` (${extra.join(', ')})` : ''}`;
  const cause = fields.cause;
  return cause !== undefined && depth < 2 ? `${text}; cause: ${textOf(cause, depth + 1)}` : text;
}

function textOf(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return errorText(value, depth);
  if (value === null || typeof value !== 'object') return String(value);
  const json = JSON.stringify(value, (key, inner: unknown) => (key !== '' && SECRET_KEY.test(key) ? '[redacted]' : inner));
  return json === undefined ? String(value) : json;
}

function line(scope: string, message: string, details: unknown[]): string {
  let parts: string[];
  try {
    parts = [`[${scope}] ${message}`, ...details.map((detail) => cut(scrubSecrets(cut(textOf(detail), RAW_MAX)), DETAIL_MAX))];
  } catch {
    // A detail that cannot be read (a throwing getter, a cycle) must not turn a log line into a new failure.
    parts = [`[${scope}] ${message}`, '(details could not be read)'];
  }
  // Scrubbed again as a whole: the message is text too, and a secret may span two parts.
  return cut(scrubSecrets(cut(parts.join(' '), RAW_MAX)), LINE_MAX);
}

function readFlag(storage: FlagStorage | undefined): boolean {
  try {
    return storage?.getItem(DEBUG_LOG_STORAGE_KEY) === 'on';
  } catch {
    // Storage refused (a sandboxed frame, a locked-down browser): the log starts off, as it does by default.
    return false;
  }
}

function writeFlag(storage: FlagStorage | undefined, on: boolean): void {
  try {
    if (on) storage?.setItem(DEBUG_LOG_STORAGE_KEY, 'on');
    else storage?.removeItem(DEBUG_LOG_STORAGE_KEY);
  } catch {
    // Storage refused: the switch still holds for this page, it is just not remembered after a reload.
  }
}

export function createLogBook(options: LogBookOptions = {}): LogBook {
  const sink = options.sink ?? consoleSink;
  const storage = options.storage;
  let enabled = readFlag(storage);
  const changes = createEmitter<boolean>();

  const write = (level: LogLevel, scope: string, message: string, details: unknown[]) => {
    if (!enabled) return;
    const text = line(scope, message, details);
    try {
      sink(level, text);
    } catch {
      // The sink is the last stop: if the console itself throws, there is nowhere left to say so.
    }
  };

  return {
    createLogger(scope) {
      return {
        debug: (message, ...details) => write('debug', scope, message, details),
        info: (message, ...details) => write('info', scope, message, details),
        warn: (message, ...details) => write('warn', scope, message, details),
        error: (message, ...details) => write('error', scope, message, details),
      };
    },
    isEnabled: () => enabled,
    setEnabled(on) {
      if (on === enabled) return;
      enabled = on;
      writeFlag(storage, on);
      changes.emit(on);
    },
    subscribe: (listener) => changes.subscribe(listener),
  };
}

function tabStorage(): FlagStorage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    // Reading `sessionStorage` itself throws where storage is blocked: the switch then lasts for the page only.
    return undefined;
  }
}

/** The page's one log book: the console, remembered in sessionStorage for the tab. */
export const debugLog: LogBook = createLogBook({ storage: tabStorage() });

/** A logger on the page's log book. */
export function createLogger(scope: string): Logger {
  return debugLog.createLogger(scope);
}

/**
 * For a promise whose failure the code carries on past on purpose (a best-effort step): `.catch(carryOn(log, 'what
 * failed', fallback))` answers `fallback` and leaves a debug line, so no failure disappears without a trace.
 */
export function carryOn<T>(log: Logger, what: string, fallback: T): (error: unknown) => T {
  return (error) => {
    log.debug(what, error);
    return fallback;
  };
}
