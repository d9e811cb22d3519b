/**
 * Salesforce Files in the emulated org over real HTTP: ContentVersion inserted as JSON (base64 VersionData) and as
 * the documented multipart body, the ContentDocument and links the platform makes, and ContentDocumentLink's rules.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_USERS } from '../emulator/seed';
import { signInByHttp } from '../emulator/sign-in';
import { useEmulatedOrg } from './emulated-org-fixture';

const org = useEmulatedOrg();
let token: string;

beforeEach(async () => {
  token = (await signInByHttp(org.url)).access_token;
});

const rest = (method: string, path: string, body?: unknown) =>
  fetch(`${org.url}/services/data/v62.0${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

const allBytes = () => Uint8Array.from({ length: 512 }, (_, i) => i % 256);

function multipartBody(boundary: string, fields: Record<string, unknown>, bytes: Uint8Array, filename: string): Blob {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="entity_content";\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(fields)}\r\n` +
      `--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Disposition: form-data; name="VersionData"; filename="${filename}"\r\n\r\n`,
  );
  return new Blob([head, Buffer.from(bytes), `\r\n--${boundary}--\r\n`]);
}

async function createAccountTask(): Promise<string> {
  const answer = await rest('POST', '/sobjects/Task', { Subject: 'Email: files', WhatId: DEMO_ACCOUNTS.acme.Id });
  return ((await answer.json()) as { id: string }).id;
}

describe('emulated org: ContentVersion', () => {
  it('inserts a JSON body with base64 VersionData, makes the document and links it to the owner and the first publish location', async () => {
    const taskId = await createAccountTask();
    const answer = await rest('POST', '/sobjects/ContentVersion', {
      PathOnClient: 'Quote Q1.pdf',
      VersionData: Buffer.from(allBytes()).toString('base64'),
      FirstPublishLocationId: taskId,
    });
    expect(answer.status).toBe(201);
    const { id } = (await answer.json()) as { id: string };
    expect(id).toMatch(/^068/);
    const [version] = org.controls.records('ContentVersion');
    expect(version).toMatchObject({ Id: id, Title: 'Quote Q1', FileExtension: 'pdf', FileType: 'PDF', ContentSize: 512, IsLatest: true, VersionNumber: '1', OwnerId: DEMO_USERS.seller.id });
    expect(Buffer.from(String(version?.VersionData), 'base64')).toEqual(Buffer.from(allBytes()));
    const documentId = String(version?.ContentDocumentId);
    expect(documentId).toMatch(/^069/);
    const links = await (await rest('GET', `/query?q=${encodeURIComponent(`SELECT LinkedEntityId, ShareType FROM ContentDocumentLink WHERE ContentDocumentId = '${documentId}'`)}`)).json();
    expect((links as { records: unknown[] }).records).toEqual(
      expect.arrayContaining([expect.objectContaining({ LinkedEntityId: DEMO_USERS.seller.id, ShareType: 'I' }), expect.objectContaining({ LinkedEntityId: taskId, ShareType: 'V' })]),
    );
    const found = await (
      await rest('GET', `/query?q=${encodeURIComponent(`SELECT Id, ContentDocumentId FROM ContentVersion WHERE FirstPublishLocationId = '${taskId}' AND PathOnClient = 'Quote Q1.pdf'`)}`)
    ).json();
    expect((found as { totalSize: number }).totalSize).toBe(1);
  });

  it('inserts the multipart/form-data body of "Insert or Update Blob Data", keeping every byte', async () => {
    const boundary = 'boundary_string';
    const answer = await fetch(`${org.url}/services/data/v62.0/sobjects/ContentVersion`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/form-data; boundary="${boundary}"` },
      body: multipartBody(boundary, { Title: 'Deck', PathOnClient: 'deck.pptx' }, allBytes(), 'deck.pptx'),
    });
    expect(answer.status).toBe(201);
    const [version] = org.controls.records('ContentVersion');
    expect(version).toMatchObject({ Title: 'Deck', FileType: 'POWER_POINT_X', ContentSize: 512 });
    expect(Buffer.from(String(version?.VersionData), 'base64')).toEqual(Buffer.from(allBytes()));
  });

  it('refuses a version without PathOnClient or data, bad base64, and a multipart body without its binary part', async () => {
    const noPath = await rest('POST', '/sobjects/ContentVersion', { Title: 'x', VersionData: 'aGVsbG8=' });
    expect(noPath.status).toBe(400);
    expect(await noPath.json()).toEqual([expect.objectContaining({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['PathOnClient'] })]);
    const noData = await rest('POST', '/sobjects/ContentVersion', { PathOnClient: 'a.txt' });
    expect(await noData.json()).toEqual([expect.objectContaining({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['VersionData'] })]);
    const badBase64 = await rest('POST', '/sobjects/ContentVersion', { PathOnClient: 'a.txt', VersionData: 'not base64!' });
    expect(await badBase64.json()).toEqual([expect.objectContaining({ errorCode: 'JSON_PARSER_ERROR' })]);
    const onlyJson = await fetch(`${org.url}/services/data/v62.0/sobjects/ContentVersion`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'multipart/form-data; boundary=b' },
      body: `--b\r\nContent-Disposition: form-data; name="entity_content";\r\nContent-Type: application/json\r\n\r\n{"PathOnClient":"a.txt"}\r\n--b--\r\n`,
    });
    expect(onlyJson.status).toBe(400);
    expect(org.controls.records('ContentVersion')).toHaveLength(0);
  });

  it('refuses a non-multipart body carrying more than 37.5 MB of base64-encoded data', async () => {
    const big = Buffer.alloc(37.5 * 1024 * 1024 + 3, 7).toString('base64');
    const answer = await rest('POST', '/sobjects/ContentVersion', `{"PathOnClient":"big.bin","VersionData":"${big}"}`);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual([expect.objectContaining({ errorCode: 'STRING_TOO_LONG', fields: ['VersionData'] })]);
    expect(org.controls.records('ContentVersion')).toHaveLength(0);
  });
});

describe('emulated org: ContentDocumentLink', () => {
  async function newDocument(): Promise<string> {
    await rest('POST', '/sobjects/ContentVersion', { PathOnClient: 'a.txt', VersionData: 'aGVsbG8=' });
    return String(org.controls.records('ContentVersion')[0]?.ContentDocumentId);
  }

  it('links a document to a record once; a second link to the same record is DUPLICATE_VALUE', async () => {
    const documentId = await newDocument();
    const link = { ContentDocumentId: documentId, LinkedEntityId: DEMO_ACCOUNTS.acme.Id, ShareType: 'V', Visibility: 'AllUsers' };
    expect((await rest('POST', '/sobjects/ContentDocumentLink', link)).status).toBe(201);
    const again = await rest('POST', '/sobjects/ContentDocumentLink', link);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual([expect.objectContaining({ errorCode: 'DUPLICATE_VALUE', fields: ['LinkedEntityId'] })]);
  });

  it('requires ShareType from its restricted picklist, and refuses a deleted document', async () => {
    const documentId = await newDocument();
    const noShare = await rest('POST', '/sobjects/ContentDocumentLink', { ContentDocumentId: documentId, LinkedEntityId: DEMO_ACCOUNTS.acme.Id });
    expect(await noShare.json()).toEqual([expect.objectContaining({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['ShareType'] })]);
    const badShare = await rest('POST', '/sobjects/ContentDocumentLink', { ContentDocumentId: documentId, LinkedEntityId: DEMO_ACCOUNTS.acme.Id, ShareType: 'X' });
    expect(await badShare.json()).toEqual([expect.objectContaining({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' })]);
    const created = await rest('POST', '/sobjects/ContentDocument', { Title: 'x' });
    expect(created.status).toBe(403);
  });

  it('answers a query without a ContentDocumentId or LinkedEntityId filter with MALFORMED_QUERY', async () => {
    const answer = await rest('GET', `/query?q=${encodeURIComponent('SELECT Id FROM ContentDocumentLink')}`);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual([expect.objectContaining({ errorCode: 'MALFORMED_QUERY' })]);
  });
});
