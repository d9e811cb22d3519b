/** The goals of issue 14, and a check that says by how much a figure misses its goal. */
import type { Check } from './section-result';

export const GOALS = {
  /** First-paint JS (gzip and brotli) at most this times the shell's. */
  firstPaintJsRatio: 1.3,
  /** Pane first contentful / meaningful paint at 4x CPU at most this times the shell's. */
  firstPaintTimeRatio4x: 1.3,
  /** A returning seller's first card within this times the floor (shell paint + token + one composite round trip). */
  returningSellerFirstCardToFloor: 1.5,
  /** Connection lost banner within this many ms of the failing response, at 4x CPU. */
  connectionLostBannerMs: 100,
  /** JS heap after 50 emails at most this many percent above the heap after 10. */
  heapGrowth10To50Percent: 10,
  /** Token calls for two panes after one expiry. */
  tokenCallsTwoPanesOneExpiry: 1,
} as const;

export function ratio(ours: number, baseline: number): number {
  return baseline > 0 ? ours / baseline : Number.NaN;
}

/** A check `value ≤ goal`; when missed, the detail says by how much (in the figure's unit and in percent). */
export function goalCheck(name: string, value: number, goal: number, unit: 'x' | 'ms' | '%' | ' calls', context = ''): Check {
  const show = (v: number) => (unit === 'x' ? `${v.toFixed(2)}x` : unit === 'ms' ? `${v.toFixed(0)} ms` : unit === '%' ? `${v.toFixed(1)}%` : `${v}${unit}`);
  const pass = Number.isFinite(value) && value <= goal;
  const over = value - goal;
  const missedBy = unit === '%' ? `${over.toFixed(1)} points` : `${show(over)}${goal > 0 ? ` (${((over / goal) * 100).toFixed(0)}% over)` : ''}`;
  const detail = !Number.isFinite(value)
    ? `not measured; goal ≤ ${show(goal)}`
    : pass
      ? `${show(value)}, goal ≤ ${show(goal)}`
      : `${show(value)}, goal ≤ ${show(goal)}: missed by ${missedBy}`;
  return { name, pass, detail: context ? `${detail}; ${context}` : detail, goal: true };
}
