/**
 * Saving attachments as Salesforce Files over real HTTP: the product's outbox, connection wrapper (real jsforce for
 * JSON, fetch for the multipart upload) and CRM writes against the emulated org. A small file goes as JSON, a large
 * one as multipart; the email record and the chosen record each get one link; a second save (another pane) and an
 * upload that landed unanswered add nothing.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { JSON_UPLOAD_MAX_BYTES } from '../../src/salesforce/crm/attachment-limits';
import { executeSaveAttachment } from '../../src/salesforce/crm/save-attachment';
import type { SalesforceConnection } from '../../src/salesforce/connection/salesforce-connection';
import { createOutbox } from '../../src/salesforce/outbox/create-outbox';
import { outboxOwnerOf, type Outbox, type OutboxEntry, type OutboxOwner, type SaveAttachmentAction, type SaveEmailAction } from '../../src/salesforce/outbox/outbox';
import { DEMO_ACCOUNTS, DEMO_CONTACTS } from '../emulator/seed';
import { generatedByte } from '../harness/sample-attachments';
import { connectionFor, signIn } from './connection-fixture';
import { useEmulatedOrg } from './emulated-org-fixture';

const org = useEmulatedOrg();
const alwaysOnline = { isOnline: () => true, subscribe: () => () => {} };

const email: SaveEmailAction = {
  type: 'save_email',
  internetMessageId: '<files-1@acme.example>',
  subject: 'Signed quote',
  bodyExcerpt: 'See attached.',
  activityDate: '2025-05-15',
  whoId: DEMO_CONTACTS.jane.Id,
  whatId: DEMO_ACCOUNTS.acme.Id,
  label: 'Jane Doe',
};

function bytes(length: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length }, (_, i) => generatedByte(i));
}

const attachment = (fileName: string, length: number): SaveAttachmentAction => ({
  type: 'save_attachment',
  email,
  fileName,
  contentType: 'application/octet-stream',
  content: new Blob([bytes(length)]),
  linkToId: DEMO_ACCOUNTS.acme.Id,
  label: `File: ${fileName}`,
});

let api: SalesforceConnection | undefined;
let outbox: Outbox | undefined;
afterEach(() => {
  outbox?.close();
  api?.dispose();
});

async function pane(requestTimeoutMs = 5_000): Promise<{ api: SalesforceConnection; owner: OutboxOwner }> {
  const { tokens, identity } = await signIn(org.url);
  api = connectionFor(org.url, {}, { requestTimeoutMs });
  await api.start(tokens, identity);
  return { api, owner: outboxOwnerOf(identity) };
}

function linksOf(documentId: unknown): string[] {
  return org.controls
    .records('ContentDocumentLink')
    .filter((l) => l.ContentDocumentId === documentId)
    .map((l) => String(l.LinkedEntityId))
    .sort();
}

async function until(box: Outbox, owner: OutboxOwner, predicate: (entries: OutboxEntry[]) => boolean): Promise<OutboxEntry[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const entries = await box.list(owner);
    if (predicate(entries)) return entries;
    if (Date.now() > deadline) throw new Error(`outbox never settled: ${JSON.stringify(entries.map((e) => [e.status, e.waitingFor, e.failure?.kind, e.failure?.code]))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('save attachment: a ContentVersion on the email record, linked to the chosen record', () => {
  it('sends a small file as JSON and a large one as multipart, every byte kept, each linked once', async () => {
    const { api } = await pane();
    const small = await executeSaveAttachment(api, attachment('quote.pdf', 2_000));
    const large = await executeSaveAttachment(api, attachment('workbook.xlsx', JSON_UPLOAD_MAX_BYTES + 1_000));
    expect(small.adopted).toBe(false);
    expect(large.adopted).toBe(false);
    const posts = org.controls.log().filter((e) => e.method === 'POST' && e.path.endsWith('/sobjects/ContentVersion'));
    expect(posts.map((e) => e.status)).toEqual([201, 201]);
    const [task] = org.controls.records('Task');
    const versions = org.controls.records('ContentVersion');
    expect(versions.map((v) => [v.PathOnClient, v.ContentSize, v.FirstPublishLocationId])).toEqual([
      ['quote.pdf', 2_000, task?.Id],
      ['workbook.xlsx', JSON_UPLOAD_MAX_BYTES + 1_000, task?.Id],
    ]);
    for (const v of versions) {
      expect(Buffer.from(String(v.VersionData), 'base64').equals(Buffer.from(bytes(Number(v.ContentSize))))).toBe(true);
      expect(linksOf(v.ContentDocumentId)).toEqual([DEMO_ACCOUNTS.acme.Id, task?.Id, org.controls.records('User')[0]?.Id].sort());
    }
  });

  it('a second save of the same email (another pane) finds the files and adds nothing', async () => {
    const first = await pane();
    await executeSaveAttachment(first.api, attachment('quote.pdf', 2_000));
    first.api.dispose();
    const second = await pane();
    const again = await executeSaveAttachment(second.api, attachment('quote.pdf', 2_000));
    expect(again.adopted).toBe(true);
    expect(org.controls.records('Task')).toHaveLength(1);
    expect(org.controls.records('ContentVersion')).toHaveLength(1);
    expect(org.controls.records('ContentDocumentLink')).toHaveLength(3);
  });

  it('through the outbox: a multipart upload that lands unanswered is found on the next attempt, not sent twice', async () => {
    const { api: connection, owner } = await pane(1_500);
    outbox = createOutbox({ api: connection, indexedDB: new IDBFactory(), onlineState: alwaysOnline, backoffMs: () => 50 });
    outbox.resume(owner);
    await outbox.enqueue(owner, email);
    await until(outbox, owner, (e) => e[0]?.status === 'done');
    org.controls.hangNext({ pathPrefix: '/services/data/v62.0/sobjects/ContentVersion', afterCommit: true });
    await outbox.enqueue(owner, attachment('workbook.xlsx', JSON_UPLOAD_MAX_BYTES + 10));
    const entries = await until(outbox, owner, (e) => e[1]?.status === 'done');
    expect(entries[1]).toMatchObject({ mayHaveLanded: true, result: { sobject: 'ContentVersion', adopted: true } });
    expect(org.controls.records('ContentVersion')).toHaveLength(1);
    expect(org.controls.records('ContentDocumentLink')).toHaveLength(3);
  });

  it('a refused link (the chosen record deleted) fails the entry with the classified failure', async () => {
    const { api } = await pane();
    const gone = { ...attachment('quote.pdf', 10), linkToId: DEMO_CONTACTS.bob.Id };
    await fetch(`${org.url}/services/data/v62.0/sobjects/Contact/${DEMO_CONTACTS.bob.Id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${(await signIn(org.url)).tokens.accessToken}` },
    });
    const failure = await executeSaveAttachment(api, gone).then(
      () => undefined,
      (error: { failure?: { kind: string; code?: string } }) => error.failure,
    );
    expect(failure).toMatchObject({ kind: 'not_found', code: 'ENTITY_IS_DELETED' });
  });
});
