import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, attachmentRefusal, contentTypeFor, selectedByDefault } from './attachment-limits';

const file = (size: number, extra: Partial<{ kind: 'file' | 'item' | 'cloud'; isInline: boolean }> = {}) => ({ kind: 'file' as const, isInline: false, size, ...extra });

describe('attachment limits', () => {
  it.each([
    [file(10), undefined],
    [file(10, { isInline: true }), 'inline'],
    [file(10, { kind: 'item' }), 'not_a_file'],
    [file(10, { kind: 'cloud' }), 'not_a_file'],
    [file(ATTACHMENT_MAX_BYTES), undefined],
    [file(ATTACHMENT_MAX_BYTES + 1), 'too_large'],
    [file(0), 'empty'],
  ])('%o → %s', (attachment, refusal) => {
    expect(attachmentRefusal(attachment)).toBe(refusal);
  });

  it('selects by the configured default, never a refused one', () => {
    expect(selectedByDefault(file(10), { mode: 'all' })).toBe(true);
    expect(selectedByDefault(file(10), { mode: 'none' })).toBe(false);
    expect(selectedByDefault(file(10), { mode: 'under', maxBytes: 10 })).toBe(true);
    expect(selectedByDefault(file(11), { mode: 'under', maxBytes: 10 })).toBe(false);
    expect(selectedByDefault(file(10, { isInline: true }), { mode: 'all' })).toBe(false);
  });

  it('guesses a content type from the name only when none is given', () => {
    expect(contentTypeFor('a.PDF', undefined)).toBe('application/pdf');
    expect(contentTypeFor('a.bin', undefined)).toBe('application/octet-stream');
    for (const hostile of ['x.constructor', 'x.toString', 'x.valueOf', 'x.hasOwnProperty']) expect(contentTypeFor(hostile, undefined)).toBe('application/octet-stream');
    expect(contentTypeFor('a.pdf', 'text/x-given')).toBe('text/x-given');
  });
});
