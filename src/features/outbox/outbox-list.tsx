/**
 * What is waiting to go to Salesforce, for the signed-in owner: each entry with its state and reason, a retry where
 * the seller can help, and discard for what Salesforce refused. Done entries are not listed.
 */
import { Button, Caption1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { failureMessage } from '../../i18n/failure-messages';
import { format } from '../../i18n/strings';
import { waitReasonText, type WorkspaceStrings } from '../../i18n/workspace-strings';
import type { Outbox, OutboxEntry, OutboxOwner } from '../../salesforce/outbox/outbox';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  wrap: { overflowWrap: 'anywhere' },
});

export function actionLabel(entry: OutboxEntry, s: WorkspaceStrings): string {
  const label = entry.action.label.slice(0, 120);
  switch (entry.action.type) {
    case 'save_email':
      return format(s.actionSaveEmail, { label });
    case 'create_contact':
      return format(s.actionCreateContact, { label });
    case 'log_follow_up':
      return format(s.actionFollowUp, { label });
    case 'create_record':
      // Worded by the create-record form in the seller's language ("Create lead: Tom Nguyen").
      return label;
  }
}

export function entryStatusText(entry: OutboxEntry, s: WorkspaceStrings, locale: string): string {
  switch (entry.status) {
    case 'queued':
    case 'sending':
      return s.outboxSending;
    case 'waiting':
      return waitReasonText(entry.waitingFor, locale);
    case 'failed': {
      const message = entry.failure ? failureMessage(entry.failure, locale) : undefined;
      return [s.outboxFailed, message?.explanation, entry.failure?.detail].filter(Boolean).join(' — ');
    }
    case 'done':
      return s.outboxDone;
  }
}

export interface OutboxListProps {
  entries: OutboxEntry[];
  outbox: Outbox;
  owner: OutboxOwner;
  strings: WorkspaceStrings;
  locale: string;
}

export function OutboxList({ entries, outbox, owner, strings: s, locale }: OutboxListProps) {
  const styles = useStyles();
  const headingId = useId();
  const pending = entries.filter((e) => e.status !== 'done');
  if (pending.length === 0) return null;
  return (
    <section aria-labelledby={headingId} data-testid="outbox">
      <Text as="h2" size={400} weight="semibold" id={headingId}>
        {s.outboxHeading}
      </Text>
      <ul className={styles.list}>
        {pending.map((entry) => (
          <li key={entry.id}>
            <Card data-testid="outbox-entry" data-status={entry.status} data-waiting-for={entry.waitingFor ?? ''}>
              <Text weight="semibold" className={styles.wrap}>
                {actionLabel(entry, s)}
              </Text>
              <Caption1 role="status" className={styles.wrap}>
                {entryStatusText(entry, s, locale)}
              </Caption1>
              {entry.status === 'failed' || entry.status === 'waiting' ? (
                <div className={styles.actions}>
                  <Button size="small" onClick={() => void outbox.retry(owner, entry.id)} data-testid="outbox-retry">
                    {s.retry}
                  </Button>
                  {entry.status === 'failed' ? (
                    <Button size="small" appearance="subtle" onClick={() => void outbox.discard(owner, entry.id)} data-testid="outbox-discard">
                      {s.discard}
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
