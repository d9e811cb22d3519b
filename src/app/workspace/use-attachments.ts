/**
 * The attachments of the email on show, which of them the seller has ticked (the default from config.json), and
 * saving them: when the email is saved, each ticked file is read from Outlook and handed to the outbox as its own
 * `save_attachment` entry, its bytes kept there until Salesforce has them. Each file's progress is read back from
 * the outbox entries, so it survives a reload.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AttachmentProgress } from '../../features/attachments/attachment-picker';
import type { EmailAttachment, OfficeHost } from '../../host/office-host';
import { failureMessage } from '../../i18n/failure-messages';
import { format } from '../../i18n/strings';
import type { AttachmentStrings } from '../../i18n/attachment-strings';
import { contentTypeFor, selectedByDefault, type AttachmentDefaultSelection } from '../../salesforce/crm/attachment-limits';
import { fileNameOf } from '../../salesforce/crm/save-attachment';
import type { Outbox, OutboxEntry, OutboxOwner, SaveAttachmentAction, SaveEmailAction } from '../../salesforce/outbox/outbox';

export interface AttachmentsState {
  attachments: EmailAttachment[];
  selected: ReadonlySet<string>;
  toggle(id: string, selected: boolean): void;
  progress: ReadonlyMap<string, AttachmentProgress>;
  /** Called once the email's save is kept: reads each ticked file and enqueues it. */
  saveWith(email: SaveEmailAction): Promise<void>;
}

function base64ToBlob(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

function entryProgress(entry: OutboxEntry, locale: string): AttachmentProgress {
  switch (entry.status) {
    case 'done':
      return 'saved';
    case 'waiting':
      return 'waiting';
    case 'failed':
      return { failed: entry.failure ? failureMessage(entry.failure, locale).title : '' };
    default:
      return 'sending';
  }
}

export function useAttachments(args: {
  host: OfficeHost;
  /** The email on show: its Message-ID (attachments are saved only with a saved email) and a key that changes with it. */
  messageId: string | undefined;
  emailKey: string;
  defaults: AttachmentDefaultSelection;
  writes: { outbox: Outbox; owner: OutboxOwner; entries: OutboxEntry[] } | undefined;
  strings: AttachmentStrings;
  locale: string;
}): AttachmentsState {
  const { host, messageId, emailKey, defaults, writes, strings, locale } = args;
  const [loaded, setLoaded] = useState<{ key: string; attachments: EmailAttachment[] }>({ key: '', attachments: [] });
  const [choices, setChoices] = useState<{ key: string; selected: Set<string> | undefined }>({ key: '', selected: undefined });
  const [unreadable, setUnreadable] = useState<{ key: string; ids: Set<string> }>({ key: '', ids: new Set() });

  useEffect(() => {
    let live = true;
    if (!host.listAttachments || !emailKey) return undefined;
    void host.listAttachments().then((attachments) => {
      if (live) setLoaded({ key: emailKey, attachments });
    });
    return () => {
      live = false;
    };
  }, [host, emailKey]);

  const attachments = useMemo(() => (loaded.key === emailKey ? loaded.attachments : []), [loaded, emailKey]);
  const selected = useMemo(
    () => (choices.key === emailKey && choices.selected ? choices.selected : new Set(attachments.filter((a) => selectedByDefault(a, defaults)).map((a) => a.id))),
    [choices, emailKey, attachments, defaults],
  );
  const toggle = useCallback(
    (id: string, on: boolean) => {
      const next = new Set(selected);
      if (on) next.add(id);
      else next.delete(id);
      setChoices({ key: emailKey, selected: next });
    },
    [selected, emailKey],
  );

  const entries = writes?.entries;
  const progress = useMemo(() => {
    const map = new Map<string, AttachmentProgress>();
    if (!messageId) return map;
    const mine = (entries ?? []).filter((e): e is OutboxEntry & { action: SaveAttachmentAction } => e.action.type === 'save_attachment' && e.action.email.internetMessageId === messageId);
    for (const a of attachments) {
      const entry = [...mine].reverse().find((e) => e.action.fileName === fileNameOf(a.name));
      if (entry) map.set(a.id, entryProgress(entry, locale));
      else if (unreadable.key === emailKey && unreadable.ids.has(a.id)) map.set(a.id, 'unreadable');
    }
    return map;
  }, [entries, messageId, attachments, unreadable, emailKey, locale]);

  const saveWith = useCallback(
    async (email: SaveEmailAction) => {
      const getContent = host.getAttachmentContent;
      if (!writes || !getContent) return;
      const failed = new Set<string>();
      for (const a of attachments.filter((x) => selected.has(x.id) && !progress.has(x.id))) {
        const content = await getContent(a.id);
        if (!content.ok) {
          failed.add(a.id);
          continue;
        }
        const contentType = contentTypeFor(a.name, a.contentType);
        const action: SaveAttachmentAction = {
          type: 'save_attachment',
          email,
          fileName: fileNameOf(a.name),
          contentType,
          content: base64ToBlob(content.base64, contentType),
          linkToId: email.whatId ?? email.whoId,
          label: format(strings.outboxLabel, { name: fileNameOf(a.name).slice(0, 100) }),
        };
        await writes.outbox.enqueue(writes.owner, action);
      }
      setUnreadable({ key: emailKey, ids: failed });
    },
    [host, writes, attachments, selected, progress, strings, emailKey],
  );

  return { attachments, selected, toggle, progress, saveWith };
}
