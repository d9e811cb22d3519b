/**
 * jsdom lays nothing out. Two gaps matter to Fluent, and each stand-in answers what a browser would for a pane whose
 * elements are all on screen (layout itself is the e2e project's, in Chromium):
 * - ResizeObserver does not exist; Fluent's MessageBar (its reflow between one line and several) builds one on mount.
 *   This one observes nothing and never calls back: in jsdom every element measures 0 × 0 anyway.
 * - Tabster (Fluent's focus manager) decides what is visible from offsetParent (always null in jsdom: "display:none")
 *   and the size of <body> (0 × 0: "a hidden iframe"). Once a Card starts tabster's focus tracking, Tab past its first
 *   button found nothing visible and dropped the focus on <body>. Here offsetParent is null only where a browser says
 *   so too (the element or an ancestor not displayed, or detached), else the parent; and <body> measures the window.
 */
class ResizeObserverStandIn implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as { ResizeObserver?: typeof ResizeObserver };
g.ResizeObserver ??= ResizeObserverStandIn;

if (typeof HTMLElement !== 'undefined') {
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement): Element | null {
      if (!this.isConnected || this === this.ownerDocument.body) return null;
      const view = this.ownerDocument.defaultView;
      for (let element: Element | null = this; element; element = element.parentElement) {
        if (view?.getComputedStyle(element).display === 'none') return null;
      }
      return this.parentElement;
    },
  });
}

if (typeof HTMLBodyElement !== 'undefined') {
  HTMLBodyElement.prototype.getBoundingClientRect = function (this: HTMLBodyElement): DOMRect {
    const view = this.ownerDocument.defaultView;
    return new DOMRect(0, 0, view?.innerWidth ?? 320, view?.innerHeight ?? 600);
  };
}
