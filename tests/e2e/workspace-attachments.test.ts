/**
 * Attachments saved as Salesforce Files, in the production build, in real Chromium, against the emulated org: the
 * email "Acme quote with attachments" (two files, one large enough for the multipart upload, an inline picture, an
 * attached email, a cloud link) saved with both files as one EmailMessage with its relations (the org has Enhanced
 * Email); from a second pane, still one EmailMessage and one file each; a connection lost in the middle of the upload,
 * Sign in again, every file saved exactly once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_USERS } from '../emulator/seed';
import { generatedByte, LARGE_WORKBOOK_BYTES } from '../harness/sample-attachments';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { expectAxeClean } from './support/axe';
import { emulatorRecords, savedEmailTasks } from './support/emulator-records';
import { openSignedInPane, signInThroughDialog } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const quote = SAMPLE_EMAILS.find((e) => e.id === 'acme-quote-files')!;
const FILES = ['Acme quote Q3.pdf', 'Pricing workbook.xlsx'];

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
beforeEach(async () => {
  await stack.emulatorControl('reset');
});
afterAll(async () => {
  await stack?.close();
});

const signedInPane = () => openSignedInPane(stack, { email: quote.id }, { reducedMotion: 'reduce' });

async function linkedEntities(documentId: unknown): Promise<string[]> {
  return (await emulatorRecords(stack, 'ContentDocumentLink'))
    .filter((l) => l.ContentDocumentId === documentId)
    .map((l) => String(l.LinkedEntityId))
    .sort();
}

async function expectSavedOnce(): Promise<void> {
  // With Enhanced Email the email is an EmailMessage related to the account, with a relation per person found, and
  // never a Task as well; each file is first published on that EmailMessage.
  expect(await savedEmailTasks(stack, quote.internetMessageId!)).toHaveLength(0);
  const messages = (await emulatorRecords(stack, 'EmailMessage')).filter((m) => m.MessageIdentifier === quote.internetMessageId);
  expect(messages).toHaveLength(1);
  const message = messages[0]!;
  expect(message).toMatchObject({ RelatedToId: DEMO_ACCOUNTS.acme.Id, CreatedById: DEMO_USERS.seller.id });
  const relations = (await emulatorRecords(stack, 'EmailMessageRelation')).filter((r) => r.EmailMessageId === message.Id).map((r) => r.RelationId);
  expect(relations).toContain(DEMO_CONTACTS.jane.Id);
  const versions = await emulatorRecords(stack, 'ContentVersion');
  expect(versions.map((v) => v.PathOnClient).sort()).toEqual(FILES);
  for (const version of versions) {
    expect(version.FirstPublishLocationId).toBe(message.Id);
    expect(await linkedEntities(version.ContentDocumentId)).toEqual([DEMO_ACCOUNTS.acme.Id, String(message.Id), DEMO_USERS.seller.id].sort());
  }
  const workbook = versions.find((v) => v.PathOnClient === 'Pricing workbook.xlsx')!;
  const bytes = Buffer.from(String(workbook.VersionData), 'base64');
  expect(bytes.length).toBe(LARGE_WORKBOOK_BYTES);
  expect([bytes[0], bytes[1_000_003], bytes[LARGE_WORKBOOK_BYTES - 1]]).toEqual([generatedByte(0), generatedByte(1_000_003), generatedByte(LARGE_WORKBOOK_BYTES - 1)]);
}

describe('attachments', () => {
  it('saves the email with its two files (JSON and multipart), as one EmailMessage with relations, linked to it and the account; a second pane adds nothing', async () => {
    const first = await signedInPane();
    const second = await signedInPane();
    const picker = first.pane.getByTestId('attachment-picker');
    await picker.waitFor({ timeout: 15_000 });
    expect(await picker.getByRole('checkbox').count()).toBe(2);
    expect(await picker.getByText(/image001\.png · Picture in the email body/).count()).toBe(1);
    await expectAxeClean(first.pane);

    await first.pane.getByTestId('save-email-button').click();
    await expect.poll(() => first.pane.getByTestId('attachment-state').filter({ hasText: 'Saved' }).count(), { timeout: 30_000 }).toBe(2);
    await first.pane.getByTestId('save-email-saved').waitFor({ timeout: 10_000 });
    const uploads = (await stack.emulatorLog()).filter((e) => e.method === 'POST' && e.path.endsWith('/sobjects/ContentVersion'));
    expect(uploads.map((e) => e.status)).toEqual([201, 201]);
    await expectSavedOnce();

    // The second pane had the email open before the save: its Save finds the EmailMessage and both files.
    await second.pane.getByTestId('attachment-picker').waitFor({ timeout: 15_000 });
    await second.pane.getByTestId('save-email-button').click();
    await expect.poll(() => second.pane.getByTestId('attachment-state').filter({ hasText: 'Saved' }).count(), { timeout: 30_000 }).toBe(2);
    await expectSavedOnce();
    expect((await stack.emulatorLog()).filter((e) => e.method === 'POST' && e.path.endsWith('/sobjects/ContentVersion'))).toHaveLength(2);
    await first.context.close();
    await second.context.close();
  });

  it('connection lost mid-upload → Connection lost → Sign in again → every file saved exactly once', async () => {
    const { context, pane } = await signedInPane();
    await pane.getByTestId('attachment-picker').waitFor({ timeout: 15_000 });
    // The first upload is refused as an expired session, and the renewal that follows as a revoked grant.
    await stack.emulatorControl('fail-next', {
      pathPrefix: '/services/data/v62.0/sobjects/ContentVersion',
      status: 401,
      body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
    });
    await stack.emulatorControl('fail-next', { pathPrefix: '/services/oauth2/token', status: 400, body: { error: 'invalid_grant', error_description: 'expired access/refresh token' } });
    await pane.getByTestId('save-email-button').click();

    const banner = pane.getByTestId('connection-lost');
    await banner.waitFor({ timeout: 20_000 });
    await pane.getByTestId('attachment-state').filter({ hasText: 'Waiting to save' }).first().waitFor({ timeout: 10_000 });
    expect(await emulatorRecords(stack, 'ContentVersion')).toHaveLength(0);

    await signInThroughDialog(context, () => banner.getByRole('button', { name: 'Sign in again' }).click());
    await expect.poll(() => pane.getByTestId('attachment-state').filter({ hasText: 'Saved' }).count(), { timeout: 30_000 }).toBe(2);
    await expectSavedOnce();
    await context.close();
  });
});
