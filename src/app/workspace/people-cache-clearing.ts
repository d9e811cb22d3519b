/**
 * Forgetting the people caches at sign-out, without their code: the start-up wiring (start-app.ts) needs only this,
 * while the directories themselves (and the CRM lookups under them) come with the workspace when it is first shown.
 */
export interface ClearablePeopleCache {
  clearAll(): void;
}

const caches = new Set<ClearablePeopleCache>();

export function rememberPeopleCache(cache: ClearablePeopleCache): void {
  caches.add(cache);
}

/** Sign-out / another user: forget every CRM record held in memory (the auth controller's `clearCrmCache`). */
export function clearPeopleCaches(): void {
  for (const cache of caches) cache.clearAll();
}
