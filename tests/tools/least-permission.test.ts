import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LEAST_PERMISSION } from './validate-manifest';

// manifest.xml asks for ReadItem. This holds the claim to the code: the add-in calls no Office API that needs more.
// Calls that need read/write item (setters, saving, attachments, writing the selection) or read/write mailbox
// (EWS), per each method's "Minimum permission level" in Microsoft's Outlook API reference
// (https://learn.microsoft.com/javascript/api/outlook/office.messagecompose and office.mailbox). A new one fails here,
// and whoever adds it raises the permission in manifest.xml and LEAST_PERMISSION on purpose.
const NEEDS_MORE_THAN_READ_ITEM = [
  'setAsync',
  'prependAsync',
  'appendOnSendAsync',
  'setSelectedDataAsync',
  'saveAsync',
  'sendAsync',
  'addFileAttachmentAsync',
  'addFileAttachmentFromBase64Async',
  'addItemAttachmentAsync',
  'removeAttachmentAsync',
  'makeEwsRequestAsync',
  'masterCategories',
];

const src = fileURLToPath(new URL('../../src/', import.meta.url));
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.includes('fake-office') ? [path] : [];
  });
}

describe('the least permission', () => {
  it('is ReadItem, and the add-in calls nothing that needs more', () => {
    expect(LEAST_PERMISSION).toBe('ReadItem');
    const found = files(src).flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return NEEDS_MORE_THAN_READ_ITEM.filter((api) => new RegExp(`\\.${api}\\b`).test(code)).map((api) => `${file.slice(src.length)}: ${api}`);
    });
    expect(found).toEqual([]);
  });

  it('is what manifest.xml asks for', () => {
    const manifest = readFileSync(fileURLToPath(new URL('../../manifest.xml', import.meta.url)), 'utf8');
    expect(/<Permissions>([^<]+)<\/Permissions>/.exec(manifest)?.[1]).toBe(LEAST_PERMISSION);
  });
});
