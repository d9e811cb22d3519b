/**
 * The production choices for the optional adapters: the outbox (and, once configured, Microsoft sign-in). Kept apart
 * so the app can be built without them in tests.
 */
import { createOutbox } from '../salesforce/outbox/create-outbox';
import type { AppOptions } from './start-app';

export function defaultAppOptions(): AppOptions {
  return {
    createOutbox: ({ api, partitionKey, indexedDB }) => createOutbox({ api, indexedDB, ...(partitionKey ? { partitionKey } : {}) }),
  };
}
