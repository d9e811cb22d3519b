/**
 * What each bench section hands back: rows for the table, checks (the goals that must hold), and raw data for the
 * JSON file. A section that measures a piece the app does not have yet throws NotAvailable; the run goes on.
 */
export interface Row {
  metric: string;
  value: string;
  note?: string;
}

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
  /**
   * A goal of issue 14 (a figure against the limit), not a correctness check: a missed goal is reported with its gap
   * (MISS) but does not make the run fail; a failed check does.
   */
  goal?: boolean;
}

export type SectionStatus = 'ok' | 'n/a' | 'error';

export interface SectionResult {
  id: string;
  title: string;
  status: SectionStatus;
  /** Why the section is n/a, or what broke. */
  reason?: string;
  rows: Row[];
  checks: Check[];
  data: Record<string, unknown>;
  durationMs: number;
}

/** The piece a section measures does not exist yet (a module, a screen): reported as "n/a: <reason>", not a failure. */
export class NotAvailable extends Error {
  override readonly name = 'NotAvailable';
}

export interface SectionOutput {
  rows: Row[];
  checks?: Check[];
  data?: Record<string, unknown>;
}

export interface Section {
  id: string;
  title: string;
  run(signal: AbortSignal): Promise<SectionOutput>;
}

export function ms(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/**
 * Rejects with NotAvailable when the module named `file` is missing (the piece is not written yet). A module that
 * exists but fails to load (a broken import inside it) is an error, not n/a.
 */
export async function importOrNotAvailable<T>(load: () => Promise<T>, what: string, file: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find module/i.test(message);
    if (missing && message.includes(file)) {
      throw new NotAvailable(`${what} does not exist yet (${message.split('\n')[0]})`);
    }
    throw error;
  }
}

/** Throws if the run was aborted (section time limit), so loops stop between steps. */
export function checkAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
