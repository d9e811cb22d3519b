/**
 * jsdom has no ResizeObserver, and Fluent's MessageBar (its reflow hook) constructs one as it mounts: without it a
 * component test that shows any message bar crashes the whole tree. jsdom has no layout either, so nothing ever
 * changes size: an observer that never calls back is the faithful stand-in. Installed only where missing.
 */
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const scope = globalThis as { ResizeObserver?: unknown };
scope.ResizeObserver ??= NoLayoutResizeObserver;
