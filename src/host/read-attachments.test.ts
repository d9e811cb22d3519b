import { describe, expect, it } from 'vitest';
import { readAttachmentContent, readAttachmentList } from './read-attachments';

const ok = (value: unknown) => ({ status: 'succeeded', value });
const fail = (name: string) => ({ status: 'failed', error: { name, code: 9017, message: name } });
const later = (fn: () => void) => setTimeout(fn, 0);

const readModeItem = {
  attachments: [
    { id: 'a1', name: 'quote.pdf', contentType: 'application/pdf', size: 1200, attachmentType: 'file', isInline: false },
    { id: 'a2', name: 'image001.png', contentType: 'image/png', size: 90, attachmentType: 'file', isInline: true },
    { id: 'a3', name: 'RE: x.eml', size: 40, attachmentType: 'item', isInline: false },
    { id: 'a4', name: 'Contract.docx', size: 0, attachmentType: 'cloud', isInline: false },
    { name: 'no id' },
  ],
};

describe('readAttachmentList', () => {
  it('reads item.attachments in read mode, keeping kind, inline and content type', async () => {
    expect(await readAttachmentList(readModeItem)).toEqual([
      { id: 'a1', name: 'quote.pdf', contentType: 'application/pdf', size: 1200, kind: 'file', isInline: false },
      { id: 'a2', name: 'image001.png', contentType: 'image/png', size: 90, kind: 'file', isInline: true },
      { id: 'a3', name: 'RE: x.eml', size: 40, kind: 'item', isInline: false },
      { id: 'a4', name: 'Contract.docx', size: 0, kind: 'cloud', isInline: false },
    ]);
  });

  it('asks getAttachmentsAsync in compose mode; a failed answer or no API gives none', async () => {
    const compose = { getAttachmentsAsync: (cb: (r: unknown) => void) => later(() => cb(ok([{ id: 'c1', name: 'plan.pdf', size: 10, attachmentType: 'file', isInline: false }]))) };
    expect(await readAttachmentList(compose)).toEqual([{ id: 'c1', name: 'plan.pdf', size: 10, kind: 'file', isInline: false }]);
    expect(await readAttachmentList({ getAttachmentsAsync: (cb: (r: unknown) => void) => later(() => cb(fail('GenericResponseError'))) })).toEqual([]);
    expect(await readAttachmentList({})).toEqual([]);
    expect(await readAttachmentList(null)).toEqual([]);
  });
});

describe('readAttachmentContent', () => {
  const item = (answer: unknown) => ({ getAttachmentContentAsync: (_id: string, cb: (r: unknown) => void) => later(() => cb(answer)) });

  it('gives a file as base64', async () => {
    expect(await readAttachmentContent(item(ok({ content: 'aGk=', format: 'base64' })), 'a1')).toEqual({ ok: true, base64: 'aGk=' });
  });

  it('refuses eml, iCalendar and url contents as not files, and AttachmentTypeNotSupported likewise', async () => {
    for (const format of ['eml', 'iCalendar', 'url']) {
      expect(await readAttachmentContent(item(ok({ content: 'x', format })), 'a')).toMatchObject({ ok: false, reason: 'not_a_file' });
    }
    expect(await readAttachmentContent(item(fail('AttachmentTypeNotSupported')), 'a')).toEqual({ ok: false, reason: 'not_a_file', code: 'AttachmentTypeNotSupported' });
  });

  it('reports InvalidAttachmentId, a missing API and a callback that never comes as unavailable', async () => {
    expect(await readAttachmentContent(item(fail('InvalidAttachmentId')), 'gone')).toEqual({ ok: false, reason: 'unavailable', code: 'InvalidAttachmentId' });
    expect(await readAttachmentContent({}, 'a')).toMatchObject({ ok: false, reason: 'unavailable' });
    const timers = { setTimeout: (fn: () => void) => setTimeout(fn, 0), clearTimeout: (h: unknown) => clearTimeout(h as number) };
    expect(await readAttachmentContent({ getAttachmentContentAsync: () => undefined }, 'a', timers)).toEqual({ ok: false, reason: 'unavailable', code: 'Timeout' });
  });
});
