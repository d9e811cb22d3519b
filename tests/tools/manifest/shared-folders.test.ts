import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const manifest = readFileSync(fileURLToPath(new URL('../../../manifest.xml', import.meta.url)), 'utf8');

describe('shared folders and shared mailboxes', () => {
  it('the XML manifest offers the pane there: SupportsSharedFolders in VersionOverrides 1.1 only', () => {
    const v11 = manifest.slice(manifest.indexOf('xsi:type="VersionOverridesV1_1"'));
    const v10 = manifest.slice(manifest.indexOf('xsi:type="VersionOverridesV1_0"'), manifest.indexOf('xsi:type="VersionOverridesV1_1"'));
    expect(v11).toContain('<SupportsSharedFolders>true</SupportsSharedFolders>');
    expect(v10).not.toContain('SupportsSharedFolders');
  });
});
