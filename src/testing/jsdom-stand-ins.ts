/**
 * What jsdom lacks and a browser has, for component tests. jsdom lays nothing out; two gaps matter to Fluent, and each
 * stand-in answers what a browser would for a pane whose elements are all on screen (layout itself is the e2e
 * project's, in Chromium):
 * - ResizeObserver does not exist; Fluent's MessageBar (its reflow between one line and several) builds one on mount.
 *   This one observes nothing and never calls back: in jsdom every element measures 0 × 0 anyway.
 * - Tabster (Fluent's focus manager) decides what is visible from offsetParent (always null in jsdom: "display:none")
 *   and the size of <body> (0 × 0: "a hidden iframe"). Once a Card starts tabster's focus tracking, Tab past its first
 *   button found nothing visible and dropped the focus on <body>. Here offsetParent is null only where a browser says
 *   so too (the element or an ancestor not displayed, or detached), else the parent; and <body> measures the window.
 * And CSS.escape does not exist; user-event's arrow keys in a radio group (Fluent's RadioGroup names its radios)
 * call it. This one follows the CSSOM serialize-an-identifier steps.
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
      for (let element: Element | null = this.parentElement; element; element = element.parentElement) {
        if (view?.getComputedStyle(element).display === 'none') return null;
      }
      if (view?.getComputedStyle(this).display === 'none') return null;
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

/** CSSOM "serialize an identifier" (https://drafts.csswg.org/cssom/#serialize-an-identifier). */
function cssEscape(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const first = value.charCodeAt(0);
    if (code === 0) out += '\uFFFD';
    else if ((code >= 0x1 && code <= 0x1f) || code === 0x7f || (i === 0 && code >= 0x30 && code <= 0x39) || (i === 1 && code >= 0x30 && code <= 0x39 && first === 0x2d)) {
      out += `\\${code.toString(16)} `;
    } else if (i === 0 && code === 0x2d && value.length === 1) out += `\\${value.charAt(i)}`;
    else if (code >= 0x80 || code === 0x2d || code === 0x5f || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      out += value.charAt(i);
    } else out += `\\${value.charAt(i)}`;
  }
  return out;
}

const css = (globalThis as { CSS?: { escape?: (value: string) => string } }).CSS;
if (css) css.escape ??= cssEscape;
else (globalThis as { CSS?: unknown }).CSS = { escape: cssEscape };

// jsdom's Blob does not survive IndexedDB: fake-indexeddb copies values with Node's structuredClone, which turns a
// jsdom Blob into a plain object, where a browser keeps a Blob (the outbox keeps attachments' bytes so). Node's own
// Blob is cloned as a Blob, as a browser's is.
import { Blob as NodeBlob } from 'node:buffer';

(globalThis as { Blob: unknown }).Blob = NodeBlob;
