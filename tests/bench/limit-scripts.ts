/**
 * Scripts for the limits section that run inside the pane frame (plain JavaScript strings, as in pane-scripts.ts:
 * tsx would compile functions with helpers that do not exist in the page).
 */

const CARD_SELECTOR = '[data-testid="person-card"],[data-testid="unknown-person-card"]';

/**
 * Added to every frame before its scripts run: the first frame painted after the first people card entered the DOM,
 * on the frame's own clock (performance.now(), 0 = the pane's navigation start). A reopened pane starts from 0.
 */
export const FIRST_CARD_PROBE = `(() => {
  if (window.__benchFirstCard) return;
  const b = { dom: null, paint: null };
  window.__benchFirstCard = b;
  const observer = new MutationObserver(() => {
    if (b.dom !== null || !document.querySelector(${JSON.stringify(CARD_SELECTOR)})) return;
    b.dom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { b.paint = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

export interface FirstCard {
  dom: number | null;
  paint: number | null;
}

export interface SelectorShown {
  ok: boolean;
  /** Absolute times (performance.timeOrigin + performance.now()). */
  domAt: number | null;
  paintAt: number | null;
  text?: string;
}

/** Starts watching for `selector`; the result is the promise window.__benchSelector (absolute times). */
export function watchSelectorScript(selector: string, timeoutMs: number): string {
  return `(() => {
  const abs = () => performance.timeOrigin + performance.now();
  window.__benchSelector = new Promise((resolve) => {
    if (document.querySelector(${JSON.stringify(selector)})) return resolve({ ok: false, domAt: null, paintAt: null, text: 'already shown' });
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${JSON.stringify(selector)})) return;
      observer.disconnect();
      clearTimeout(timer);
      const domAt = abs();
      requestAnimationFrame(() => setTimeout(() => resolve({ ok: true, domAt, paintAt: abs() }), 0));
    });
    observer.observe(document, { childList: true, subtree: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve({ ok: false, domAt: null, paintAt: null, text: (document.body ? document.body.innerText : '').slice(0, 300) });
    }, ${timeoutMs});
  });
  return true;
})()`;
}

export interface TimedResource {
  name: string;
  /** Absolute (performance.timeOrigin + entry time). */
  startAt: number;
  responseEndAt: number;
  duration: number;
}

/** The frame's resource timing entries whose URL contains `part`, on the absolute clock. */
export function resourcesScript(part: string): string {
  return `performance.getEntriesByType('resource')
    .filter((r) => r.name.includes(${JSON.stringify(part)}))
    .map((r) => ({ name: r.name.split('?')[0], startAt: performance.timeOrigin + r.startTime, responseEndAt: performance.timeOrigin + r.responseEnd, duration: r.duration }))`;
}
