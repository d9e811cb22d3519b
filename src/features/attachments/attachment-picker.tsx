/**
 * Pick which attachments are saved with the email. Each savable file is a checkbox (name and size); what cannot be
 * saved (an inline picture, an attached email or cloud link, a file too large) is listed with the reason, without
 * a checkbox. After saving, each file shows its own state from the outbox.
 */
import { Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { format } from '../../i18n/strings';
import { formatBytes, type AttachmentStrings } from '../../i18n/attachment-strings';
import type { EmailAttachment } from '../../host/office-host';
import { ATTACHMENT_MAX_BYTES, attachmentRefusal, type AttachmentRefusal } from '../../salesforce/crm/attachment-limits';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  refused: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalS },
  state: { paddingLeft: tokens.spacingHorizontalXXL },
});

/** Where one picked file stands after the save (from its outbox entry), or that Outlook would not give it. */
export type AttachmentProgress = 'sending' | 'waiting' | 'saved' | 'unreadable' | { failed: string };

export interface AttachmentPickerProps {
  attachments: EmailAttachment[];
  selected: ReadonlySet<string>;
  onToggle(id: string, selected: boolean): void;
  /** Per attachment id, once a save has started; while any is present the choice is closed. */
  progress: ReadonlyMap<string, AttachmentProgress>;
  strings: AttachmentStrings;
  locale: string;
}

function refusalText(refusal: AttachmentRefusal, s: AttachmentStrings, locale: string): string {
  switch (refusal) {
    case 'inline':
      return s.inline;
    case 'not_a_file':
      return s.notAFile;
    case 'too_large':
      return format(s.tooLarge, { max: formatBytes(ATTACHMENT_MAX_BYTES, locale) });
    case 'empty':
      return s.empty;
  }
}

function progressText(progress: AttachmentProgress, s: AttachmentStrings): string {
  if (typeof progress === 'object') return format(s.failed, { reason: progress.failed });
  return { sending: s.sending, waiting: s.waiting, saved: s.saved, unreadable: s.unreadable }[progress];
}

export function AttachmentPicker({ attachments, selected, onToggle, progress, strings: s, locale }: AttachmentPickerProps) {
  const styles = useStyles();
  const legendId = useId();
  const hintId = useId();
  const locked = progress.size > 0;
  if (attachments.length === 0) return null;
  return (
    <fieldset className={styles.group} aria-labelledby={legendId} aria-describedby={hintId} data-testid="attachment-picker">
      <Text as="h3" weight="semibold" id={legendId}>
        {s.heading}
      </Text>
      <Text size={200} id={hintId}>
        {attachments.some((a) => !attachmentRefusal(a)) ? s.hint : s.none}
      </Text>
      <ul className={styles.list}>
        {attachments.map((a) => {
          const refusal = attachmentRefusal(a);
          const size = formatBytes(a.size, locale);
          const state = progress.get(a.id);
          return (
            <li key={a.id} className={styles.item} data-testid="attachment-item" data-name={a.name}>
              {refusal ? (
                <Text className={styles.refused}>{`${a.name} · ${refusalText(refusal, s, locale)}`}</Text>
              ) : (
                <Checkbox checked={selected.has(a.id)} disabled={locked} onChange={(_, d) => onToggle(a.id, d.checked === true)} label={`${a.name} (${size})`} />
              )}
              {state ? (
                <Text size={200} className={styles.state} role="status" data-testid="attachment-state">
                  {progressText(state, s)}
                </Text>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
