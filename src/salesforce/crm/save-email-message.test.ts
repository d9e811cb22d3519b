import { describe, expect, it } from 'vitest';
import type { SaveEmailAction, SaveEmailContent } from '../outbox/outbox';
import { emailMessageFields, emailRelations, isObjectAbsent, messageIdentifierOf } from './save-email-message';

const content: SaveEmailContent = {
  from: { name: 'Sam Seller', address: 'seller@demo.example' },
  to: [
    { name: 'Jane', address: 'jane.doe@acme.example' },
    { name: 'Bob', address: 'bob.lee@acme.example' },
  ],
  cc: [],
  incoming: false,
  people: [
    { id: '0035e000000Jane01A', relationType: 'ToAddress' },
    { id: '0035e000000Jane01A', relationType: 'ToAddress' },
    { id: '0035e000000Jane01A', relationType: 'CcAddress' },
    { id: "x' OR 1=1", relationType: 'ToAddress' },
  ],
};

const action: SaveEmailAction = {
  type: 'save_email',
  internetMessageId: ' <a@b>\r\n',
  subject: 'Line\none',
  bodyExcerpt: 'excerpt',
  activityDate: '2026-11-30',
  whoId: '0035e000000Jane01A',
  whatId: '0015e000000Acme01A',
  label: 'x',
};

describe('emailMessageFields', () => {
  it('writes a sent email: Status 3, addresses joined, the excerpt when no text body, never Draft', () => {
    expect(emailMessageFields(action, content)).toEqual({
      Subject: 'Line one',
      Status: '3',
      Incoming: false,
      MessageIdentifier: '<a@b>',
      ToAddress: 'jane.doe@acme.example; bob.lee@acme.example',
      CcAddress: '',
      TextBody: 'excerpt',
      FromAddress: 'seller@demo.example',
      FromName: 'Sam Seller',
      RelatedToId: '0015e000000Acme01A',
    });
    expect(emailMessageFields(action, { ...content, incoming: true }).Status).toBe('1');
  });

  it('cuts bodies, subject and message id to the field lengths', () => {
    const fields = emailMessageFields(
      { ...action, subject: 's'.repeat(5000), internetMessageId: 'm'.repeat(300) },
      { ...content, htmlBody: 'h'.repeat(200_000), textBody: 't'.repeat(40_000) },
    );
    expect((fields.HtmlBody as string).length).toBe(131_072);
    expect((fields.TextBody as string).length).toBe(32_000);
    expect((fields.Subject as string).length).toBe(3000);
    expect(fields.MessageIdentifier).toBe(messageIdentifierOf('m'.repeat(300)));
    expect((fields.MessageIdentifier as string).length).toBe(255);
  });
});

describe('emailRelations', () => {
  it('keeps one row per person and place, and only real ids', () => {
    expect(emailRelations(content)).toEqual([
      { id: '0035e000000Jane01A', relationType: 'ToAddress' },
      { id: '0035e000000Jane01A', relationType: 'CcAddress' },
    ]);
  });
});

describe('isObjectAbsent', () => {
  it('is true only for INVALID_TYPE', () => {
    expect(isObjectAbsent({ referenceId: 'x', httpStatusCode: 400, body: [{ errorCode: 'INVALID_TYPE', message: '' }] })).toBe(true);
    expect(isObjectAbsent({ referenceId: 'x', httpStatusCode: 400, body: [{ errorCode: 'MALFORMED_QUERY', message: '' }] })).toBe(false);
    expect(isObjectAbsent({ referenceId: 'x', httpStatusCode: 200, body: { records: [] } })).toBe(false);
    expect(isObjectAbsent(undefined)).toBe(false);
  });
});
