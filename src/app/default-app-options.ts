/**
 * The production choices for the optional adapters: the outbox and Microsoft sign-in. Kept apart so the app can be
 * built without them (tests, or while a piece is not there yet).
 */
import type { AppOptions } from './start-app';

export function defaultAppOptions(): AppOptions {
  return {};
}
