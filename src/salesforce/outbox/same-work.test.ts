import { describe, expect, it } from 'vitest';
import { SAM } from '../../testing/fake-salesforce-api';
import { saveAttachmentAction, saveEmailAction } from '../../testing/outbox-actions';
import { outboxOwnerOf, type OutboxAction, type OutboxEntry } from './outbox';
import { claim, fail, newOutboxEntry, succeed } from './outbox-transitions';
import { sameWork, waitsForItsEmail } from './same-work';

const owner = outboxOwnerOf(SAM);
const queued = (action: OutboxAction): OutboxEntry => newOutboxEntry('e1', owner, action, 1);
const sending = (action: OutboxAction): OutboxEntry => claim(queued(action), 2) as OutboxEntry;
const done = (action: OutboxAction): OutboxEntry => succeed(sending(action), { sobject: 'Task', id: '00T5e0000000001AAA', adopted: false }, 3);
const failed = (action: OutboxAction): OutboxEntry => fail(sending(action), { kind: 'validation', connectionLost: false, retryable: false }, 3);

describe('sameWork', () => {
  it.each<[string, OutboxEntry, OutboxAction, boolean]>([
    ['the same email, queued', queued(saveEmailAction(1)), saveEmailAction(1), true],
    ['the same email, being sent', sending(saveEmailAction(1)), saveEmailAction(1), true],
    ['another email', queued(saveEmailAction(2)), saveEmailAction(1), false],
    ['the same email, saved already', done(saveEmailAction(1)), saveEmailAction(1), false],
    ['the same email, failed', failed(saveEmailAction(1)), saveEmailAction(1), false],
    ['the same file of the same email', queued(saveAttachmentAction(1)), saveAttachmentAction(1), true],
    ['another file of the same email', queued(saveAttachmentAction(1, 'a.pdf')), saveAttachmentAction(1, 'b.pdf'), false],
    ['a file of the same name and another size', queued(saveAttachmentAction(1, 'a.pdf', 'one')), saveAttachmentAction(1, 'a.pdf', 'three'), false],
    ['the same file of another email', queued(saveAttachmentAction(2)), saveAttachmentAction(1), false],
    ['a file against its email', queued(saveEmailAction(1)), saveAttachmentAction(1), false],
  ])('%s → %s', (_name, stored, action, expected) => {
    expect(sameWork(stored, action)).toBe(expected);
  });
});

describe('waitsForItsEmail', () => {
  const file = queued(saveAttachmentAction(1));
  it.each<[string, OutboxEntry[], boolean]>([
    ['its email queued', [queued(saveEmailAction(1))], true],
    ['its email being sent in another pane', [sending(saveEmailAction(1))], true],
    ['its email saved', [done(saveEmailAction(1))], false],
    ['its email failed (the file saves it itself)', [failed(saveEmailAction(1))], false],
    ['only another email on its way', [queued(saveEmailAction(2))], false],
    ['no email entry (saved from another device)', [], false],
  ])('%s → %s', (_name, stored, expected) => {
    expect(waitsForItsEmail(file, stored)).toBe(expected);
  });

  it('an email never waits', () => {
    expect(waitsForItsEmail(queued(saveEmailAction(1)), [sending(saveEmailAction(1))])).toBe(false);
  });
});
