import { describe, expect, it } from 'vitest';
import { createFailure, SalesforceFailureError } from '../failure-kinds';
import type { SaveAttachmentAction } from '../outbox/outbox';
import { createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import { saveEmailAction } from '../../testing/outbox-actions';
import { JSON_UPLOAD_MAX_BYTES } from './attachment-limits';
import { executeSaveAttachment, fileNameOf, savedVersionQuery } from './save-attachment';

const ACCOUNT = '0015e000000AcmeAAA';
const TASK = '00T5e0000000001AAA';
const action = (size: number): SaveAttachmentAction => ({
  type: 'save_attachment',
  email: saveEmailAction(1),
  fileName: 'quote.pdf',
  contentType: 'application/pdf',
  content: new Blob([new Uint8Array(size).fill(65)]),
  linkToId: ACCOUNT,
  label: 'File: quote.pdf',
});

/** The email is already saved (its Task found by Message-ID); `versions` answers the check for the file. */
function fakeOrg(versions: unknown[] = []) {
  return createFakeSalesforceApi({
    query: (soql) => {
      if (soql.includes('FROM Task')) return { records: [{ Id: TASK, Description: 'Message-ID: <m1@x>' }] };
      if (soql.includes('FROM ContentVersion')) return { records: versions };
      return { records: [] };
    },
  });
}

describe('executeSaveAttachment', () => {
  it('a small file: checks first, then a JSON create with base64, then links the chosen record', async () => {
    const api = fakeOrg();
    api.retrieve = () => Promise.resolve({ ContentDocumentId: '0695e0000000001AAA' }) as never;
    await executeSaveAttachment(api, action(3));
    const creates = api.calls.filter((c) => c.method === 'create');
    expect(creates[0]?.args).toEqual(['ContentVersion', { Title: 'quote', PathOnClient: 'quote.pdf', FirstPublishLocationId: TASK, VersionData: 'QUFB' }]);
    expect(creates[1]?.args).toEqual(['ContentDocumentLink', { ContentDocumentId: '0695e0000000001AAA', LinkedEntityId: ACCOUNT, ShareType: 'V', Visibility: 'AllUsers' }]);
  });

  it('a large file goes as multipart (createWithBlob)', async () => {
    const api = fakeOrg();
    await executeSaveAttachment(api, action(JSON_UPLOAD_MAX_BYTES + 1));
    expect(api.calls.filter((c) => c.method === 'createWithBlob')).toHaveLength(1);
    expect(api.calls.some((c) => c.method === 'create' && c.args[0] === 'ContentVersion')).toBe(false);
  });

  it('a file already on the email record is adopted, not uploaded again; a link made meanwhile counts as linked', async () => {
    const api = fakeOrg([{ Id: '0685e0000000009AAA', ContentDocumentId: '0695e0000000009AAA' }]);
    api.handlers.create = () => {
      throw new SalesforceFailureError(createFailure('validation', { code: 'DUPLICATE_VALUE' }));
    };
    expect(await executeSaveAttachment(api, action(3))).toEqual({ id: '0685e0000000009AAA', adopted: true });
    expect(api.calls.filter((c) => c.method === 'createWithBlob')).toHaveLength(0);
  });

  it('names the file on one line and checks by the email record, name and size', () => {
    expect(fileNameOf('a\r\nb/c.pdf')).toBe('a b c.pdf');
    expect(savedVersionQuery(TASK, "O'Brien.pdf", 12)).toContain("PathOnClient = 'O\\'Brien.pdf' AND ContentSize = 12");
  });
});
