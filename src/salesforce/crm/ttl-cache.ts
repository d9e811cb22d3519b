/**
 * A small in-memory cache with a time to live. Keys are namespaced by the outbox owner key, so a second Salesforce
 * user in the same pane never reads the first one's CRM data. Memory only: nothing from the CRM is persisted.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(namespace: string, key: string): V | undefined {
    const k = `${namespace}\u0000${key}`;
    const hit = this.entries.get(k);
    if (!hit) return undefined;
    if (hit.expiresAt <= this.now()) {
      this.entries.delete(k);
      return undefined;
    }
    return hit.value;
  }

  has(namespace: string, key: string): boolean {
    return this.get(namespace, key) !== undefined;
  }

  set(namespace: string, key: string, value: V): void {
    this.entries.set(`${namespace}\u0000${key}`, { value, expiresAt: this.now() + this.ttlMs });
  }

  delete(namespace: string, key: string): void {
    this.entries.delete(`${namespace}\u0000${key}`);
  }

  /** Drops everything of one namespace (sign-out, another user). */
  clearNamespace(namespace: string): void {
    const prefix = `${namespace}\u0000`;
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }
}
