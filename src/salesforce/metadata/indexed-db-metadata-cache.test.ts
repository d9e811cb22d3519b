import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createIndexedDbMetadataCache, metadataDatabaseName } from './indexed-db-metadata-cache';
import { parseDescribe } from './sobject-metadata';

const metadata = parseDescribe({
  name: 'Contact',
  label: 'Contact',
  fields: [{ name: 'Phone', label: 'Business Phone', type: 'phone', createable: true, updateable: true, nillable: true, length: 40 }],
  recordTypeInfos: [{ recordTypeId: '012000000000000AAA', name: 'Master', developerName: 'Master', available: true, defaultRecordTypeMapping: true, master: true }],
});

describe('IndexedDB metadata cache', () => {
  it('keeps a describe across openings (another session) with its date, and clears', async () => {
    const factory = new IDBFactory();
    if (!metadata) throw new Error('fixture');
    await createIndexedDbMetadataCache(factory, 'pk').put('org/user/contact', { metadata, checkedAt: 5, lastModified: 'Wed, 03 Jul 2013 19:43:31 GMT' });
    const later = createIndexedDbMetadataCache(factory, 'pk');
    expect(await later.get('org/user/contact')).toEqual({ metadata, checkedAt: 5, lastModified: 'Wed, 03 Jul 2013 19:43:31 GMT' });
    expect(await createIndexedDbMetadataCache(factory, 'other').get('org/user/contact')).toBeUndefined();
    await later.clear();
    expect(await later.get('org/user/contact')).toBeUndefined();
  });

  it('treats a stored value without a describe shape as absent', async () => {
    const factory = new IDBFactory();
    const open = factory.open(metadataDatabaseName(undefined), 1);
    await new Promise<void>((resolve) => {
      open.onupgradeneeded = () => open.result.createObjectStore('describes');
      open.onsuccess = () => {
        const tx = open.result.transaction('describes', 'readwrite');
        tx.objectStore('describes').put({ describe: 'nonsense', checkedAt: 1 }, 'k');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
      };
    });
    expect(await createIndexedDbMetadataCache(factory, undefined).get('k')).toBeUndefined();
  });
});
