import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);

export interface AxeViolation {
  id: string;
  nodes: string[];
}

/**
 * Fluent's focus manager (tabster) inserts aria-hidden dummy elements with tabindex=0 at focus-trap edges; they hand
 * focus on and are never read. axe's aria-hidden-focus flags them by design, so they alone are left out.
 */
const WHOLE_PAGE = { exclude: [['[data-tabster-dummy]']] };

/** Runs axe-core in `frame` over `scope` (axe's context argument); each violation with the start of its nodes' HTML. */
export async function axeViolations(frame: Frame, scope: unknown = WHOLE_PAGE): Promise<AxeViolation[]> {
  // Evaluated by the driver, not added as an inline <script>: the pane's Content Security Policy refuses inline code.
  await frame.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
  return frame.evaluate(async (context) => {
    type AxeNode = { html: string; failureSummary?: string };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: AxeNode[] }[] }> } }).axe;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html.slice(0, 200) + (n.failureSummary ?? '')) }));
  }, scope);
}

/** The whole pane is axe-clean. */
export async function expectAxeClean(frame: Frame): Promise<void> {
  expect(await axeViolations(frame)).toEqual([]);
}
