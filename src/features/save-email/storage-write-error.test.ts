import { describe, expect, it } from 'vitest';
import { storageWriteError } from './storage-write-error';

describe('storageWriteError', () => {
  it('reads a quota error as storage full, also when wrapped', () => {
    expect(storageWriteError(new DOMException('over quota', 'QuotaExceededError'))).toBe('storage_full');
    expect(storageWriteError(Object.assign(new Error('put failed'), { cause: new DOMException('q', 'QuotaExceededError') }))).toBe('storage_full');
    expect(storageWriteError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe('storage_full');
  });

  it('reads anything else as not kept', () => {
    expect(storageWriteError(new DOMException('aborted', 'AbortError'))).toBe('not_kept');
    expect(storageWriteError(new Error('outbox store closed'))).toBe('not_kept');
    expect(storageWriteError(undefined)).toBe('not_kept');
  });
});
