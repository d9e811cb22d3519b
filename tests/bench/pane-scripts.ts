/**
 * Scripts that run inside the pane frame. Plain JavaScript strings, not functions: tsx would compile a function with
 * helpers (`__name`) that do not exist in the page. All times are absolute: performance.timeOrigin + performance.now()
 * (same clock for the harness page and the pane, which share a renderer), or Date.now() where another window's clock
 * (the sign-in dialog) is compared.
 */

/** What counts as the pane's first meaningful content: the welcome screen or the signed-in workspace (not the spinner). */
export const MEANINGFUL_SELECTOR = [
  '[data-testid="welcome"]',
  '[data-testid="signed-in-as"]',
  '[data-testid="workspace"]',
  '[data-testid="connection-lost"]',
  '[data-testid="startup-error"]',
].join(',');

/**
 * Added to every frame of a context before its scripts run. Collects paint entries (first-paint,
 * first-contentful-paint), the last largest-contentful-paint candidate, and the first frame painted after meaningful
 * content entered the DOM (requestAnimationFrame, then a task: the frame that holds it has been produced).
 */
export const PAINT_PROBE = `(() => {
  if (window.__bench) return;
  const b = { timeOrigin: performance.timeOrigin, fp: null, fcp: null, lcp: null, meaningfulDom: null, meaningful: null, meaningfulWhat: null };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'first-paint') b.fp = e.startTime;
        if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
      }
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (e) {}
  let seen = false;
  const observer = new MutationObserver(() => {
    if (seen) return;
    const el = document.querySelector(${JSON.stringify(MEANINGFUL_SELECTOR)});
    if (!el) return;
    seen = true;
    observer.disconnect();
    b.meaningfulDom = performance.now();
    b.meaningfulWhat = el.getAttribute('data-testid');
    requestAnimationFrame(() => setTimeout(() => {
      b.meaningful = performance.now();
      performance.mark('bench:first-meaningful-paint');
    }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

export interface PaneProbe {
  timeOrigin: number;
  fp: number | null;
  fcp: number | null;
  lcp: number | null;
  meaningfulDom: number | null;
  meaningful: number | null;
  meaningfulWhat: string | null;
  resources: Array<{ name: string; startTime: number; responseEnd: number; transferSize: number; encodedBodySize: number }>;
}

export const READ_PANE_PROBE = `(() => ({
  ...window.__bench,
  resources: performance.getEntriesByType('resource').map((r) => ({
    name: r.name, startTime: r.startTime, responseEnd: r.responseEnd, transferSize: r.transferSize, encodedBodySize: r.encodedBodySize,
  })),
}))()`;

export interface CardsSpec {
  /** Names that must all be on person cards. */
  names: string[];
  unknown: number;
  timeoutMs: number;
}

export interface CardsShown {
  ok: boolean;
  /** The cards were already there when the watch began (the measurement would be meaningless). */
  already?: boolean;
  /** When the DOM first held every card (performance clock, absolute). */
  domAt: number | null;
  /** The same moment, Date.now(), to compare with another window. */
  domWall: number | null;
  /** The first frame after that (null if the page was not rendering, e.g. behind the sign-in dialog). */
  paintAt: number | null;
  text?: string;
}

/** Starts watching the pane for the cards of `spec`; the result is the promise window.__benchWatch. */
export function watchCardsScript(spec: CardsSpec): string {
  return `(() => {
  const spec = ${JSON.stringify(spec)};
  const abs = () => performance.timeOrigin + performance.now();
  const done = () => {
    const cards = Array.from(document.querySelectorAll('[data-testid="person-card"]'));
    const text = cards.map((c) => c.textContent || '').join('\\n');
    if (!spec.names.every((n) => text.includes(n))) return false;
    return document.querySelectorAll('[data-testid="unknown-person-card"]').length >= spec.unknown;
  };
  if (done()) {
    window.__benchWatch = Promise.resolve({ ok: false, already: true, domAt: null, domWall: null, paintAt: null });
    return false;
  }
  window.__benchWatch = new Promise((resolve) => {
    let finished = false;
    const observer = new MutationObserver(() => {
      if (finished || !done()) return;
      finished = true;
      observer.disconnect();
      clearTimeout(timer);
      const domAt = abs();
      const domWall = Date.now();
      let settled = false;
      const fallback = setTimeout(() => { if (!settled) { settled = true; resolve({ ok: true, domAt, domWall, paintAt: null }); } }, 1000);
      requestAnimationFrame(() => setTimeout(() => {
        if (settled) return;
        settled = true;
        clearTimeout(fallback);
        resolve({ ok: true, domAt, domWall, paintAt: abs() });
      }, 0));
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    const timer = setTimeout(() => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      resolve({ ok: false, domAt: null, domWall: null, paintAt: null, text: (document.body ? document.body.innerText : '').slice(0, 400) });
    }, spec.timeoutMs);
  });
  return true;
})()`;
}

/** Clicks Allow on the org's consent page; returns Date.now() just before. */
export const CLICK_ALLOW = `(() => {
  const t = Date.now();
  document.querySelector('#oaapprove').click();
  return t;
})()`;
