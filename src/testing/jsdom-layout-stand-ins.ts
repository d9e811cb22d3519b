/**
 * jsdom lays nothing out, so it has no ResizeObserver; Fluent's MessageBar (its reflow between one line and several)
 * constructs one when it mounts. This stand-in observes nothing and never calls back: in jsdom every element measures
 * 0 × 0 anyway, so a real observer would have nothing to report. Layout itself is the e2e project's, in Chromium.
 */
class ResizeObserverStandIn implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as { ResizeObserver?: typeof ResizeObserver };
g.ResizeObserver ??= ResizeObserverStandIn;
