/**
 * Which contact or lead the seller chose for an address that matches several: remembered per seller and org, in
 * localStorage under the add-in's own prefix and the Office partition key (src/host/storage-names.ts), so a sign-out's
 * sweep removes it and another user of the same browser never reads it (the key names org and user).
 *
 * Not a secret: record ids. Where the browser keeps nothing (storage blocked, quota) the choice lasts this pane's life.
 */
import { partitionedKeyPrefix } from '../../host/storage-names';
import type { AddressLookup, PersonMatch } from './crm-records';
import { isSalesforceId } from './soql';

export interface MatchChoice {
  id: string;
  kind: 'contact' | 'lead';
}

export interface MatchChoiceScope {
  orgId: string;
  userId: string;
  partitionKey?: string;
}

export interface MatchChoiceStore {
  get(address: string): MatchChoice | undefined;
  set(address: string, choice: MatchChoice): void;
  forget(address: string): void;
  /** Remembered leads among these addresses: the people lookup follows them if converted since. */
  leadsFor(addresses: readonly string[]): string[];
  subscribe(listener: () => void): () => void;
}

/** Oldest choices go past this many, so the key never grows without bound. */
export const MAX_REMEMBERED = 500;

export function matchChoiceKey(scope: MatchChoiceScope): string {
  return `${partitionedKeyPrefix(scope.partitionKey)}match-choices.${scope.orgId}.${scope.userId}`;
}

function parse(raw: string | null): Map<string, MatchChoice> {
  const map = new Map<string, MatchChoice>();
  if (!raw) return map;
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return map;
    for (const entry of value as unknown[]) {
      if (!Array.isArray(entry)) continue;
      const [address, id, kind] = entry as unknown[];
      if (typeof address === 'string' && isSalesforceId(id) && (kind === 'contact' || kind === 'lead')) map.set(address, { id, kind });
    }
  } catch {
    // A value this code did not write (or a cut-off one): start afresh rather than fail the pane.
  }
  return map;
}

export function createMatchChoiceStore(storage: Storage | undefined, scope: MatchChoiceScope): MatchChoiceStore {
  const key = matchChoiceKey(scope);
  const listeners = new Set<() => void>();
  let memory: Map<string, MatchChoice> | undefined;

  const load = (): Map<string, MatchChoice> => {
    if (memory) return memory;
    try {
      memory = parse(storage?.getItem(key) ?? null);
    } catch {
      memory = new Map();
    }
    return memory;
  };
  const save = (map: Map<string, MatchChoice>) => {
    memory = map;
    try {
      storage?.setItem(key, JSON.stringify([...map].map(([address, c]) => [address, c.id, c.kind])));
    } catch {
      // Quota or blocked storage: kept in memory for this pane.
    }
    for (const listener of [...listeners]) listener();
  };

  return {
    get: (address) => load().get(address.toLowerCase()),
    set(address, choice) {
      const map = new Map(load());
      map.delete(address.toLowerCase());
      map.set(address.toLowerCase(), choice);
      while (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value as string);
      save(map);
    },
    forget(address) {
      const map = new Map(load());
      if (map.delete(address.toLowerCase())) save(map);
    },
    leadsFor(addresses) {
      const map = load();
      return addresses.flatMap((a) => {
        const choice = map.get(a.toLowerCase());
        return choice?.kind === 'lead' ? [choice.id] : [];
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ChoiceResolution =
  /** One match or none: nothing to choose. */
  | { kind: 'single' }
  /** Several, none chosen (or the chosen record is gone). */
  | { kind: 'unchosen'; matches: PersonMatch[] }
  /** Several, one chosen; `followedFrom` when the chosen lead was converted into this contact. */
  | { kind: 'chosen'; chosen: PersonMatch; matches: PersonMatch[]; followedFrom?: string };

/** What to show for one address, given the remembered choice and the leads converted since. */
export function resolveChoice(lookup: AddressLookup, choice: MatchChoice | undefined, convertedLeads: ReadonlyMap<string, string> | undefined): ChoiceResolution {
  const matches: PersonMatch[] = [...lookup.contacts, ...lookup.leads];
  if (!choice) return matches.length > 1 ? { kind: 'unchosen', matches } : { kind: 'single' };
  const direct = matches.find((m) => m.id === choice.id);
  if (direct) return matches.length > 1 ? { kind: 'chosen', chosen: direct, matches } : { kind: 'single' };
  const contactId = choice.kind === 'lead' ? convertedLeads?.get(choice.id) : undefined;
  const followed = contactId ? lookup.contacts.find((c) => c.id === contactId) : undefined;
  if (followed) return { kind: 'chosen', chosen: followed, matches, followedFrom: choice.id };
  return matches.length > 1 ? { kind: 'unchosen', matches } : { kind: 'single' };
}
