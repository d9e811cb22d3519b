/**
 * Why the browser did not keep a write the seller asked for. The outbox keeps each write in IndexedDB before it is
 * sent; when that put fails nothing was queued, so the seller must hear it on the button they pressed, and the
 * form stays as it was for another try.
 */
export type StorageWriteError = 'storage_full' | 'not_kept';

function nameOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : undefined;
}

/**
 * QuotaExceededError is the DOMException every current browser raises (as the transaction's error) when the origin is
 * over quota; older Firefox named it NS_ERROR_DOM_QUOTA_REACHED. A wrapper may keep the original as `cause`.
 */
export function storageWriteError(error: unknown): StorageWriteError {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const name = nameOf(e);
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'storage_full';
  }
  return 'not_kept';
}
