/**
 * Office.context.roamingSettings: the host keeps the saved values; set and remove are local until saveAsync, as in
 * Outlook, which refuses more than 32 KB.
 */
import type { HostLink } from './host-link';
import type { RoamingValues } from '../host-protocol';
import { clone, failedResult, later, splitOptionsAndCallback, succeededResult, type AsyncCallback, type AsyncOptions } from './async-result';

const LIMIT_CHARACTERS = 32 * 1024;

export interface RoamingSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(a?: AsyncOptions | AsyncCallback<void>, b?: AsyncCallback<void>): void;
}

export function makeRoamingSettings(saved: RoamingValues | undefined, host: HostLink): RoamingSettings {
  const local: RoamingValues = clone(saved ?? {});
  return {
    get: (name) => (Object.hasOwn(local, name) ? clone(local[name]) : undefined),
    set: (name, value) => {
      local[name] = clone(value);
    },
    remove: (name) => {
      delete local[name];
    },
    saveAsync(a, b) {
      const args = splitOptionsAndCallback<void>(a, b);
      if (JSON.stringify(local).length > LIMIT_CHARACTERS) {
        later(() => args.callback(failedResult(9057, 'SettingsStaleError', 'The settings exceed the 32 KB limit.', args.options.asyncContext)));
        return;
      }
      void host.askHost('saveRoamingSettings', { values: local }).then(() => args.callback(succeededResult(undefined, args.options.asyncContext)));
    },
  };
}
