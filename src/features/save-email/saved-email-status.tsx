/**
 * "Saved at a glance": the email is in Salesforce, saved by whom and when, as what, linked to whom and to which
 * account or opportunity, with a link to the record. The facts come from the same lookup as the people (or from the
 * save this pane just made); names come from the records the pane already shows, so nothing more is asked.
 */
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { format } from '../../i18n/strings';
import { savedStatusStrings, savedWhen } from '../../i18n/saved-status-strings';
import type { SavedEmailTask } from '../../salesforce/crm/crm-records';
import { recordUrl } from '../../salesforce/crm/record-links';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export interface SavedEmailStatusProps {
  saved: SavedEmailTask;
  /** True when this seller made the save in this pane (Salesforce's CreatedBy is then the seller). */
  byYou: boolean;
  /** Names of the records the pane knows (people, accounts, opportunities), by id. */
  names: Map<string, string>;
  instanceUrl: string;
  /** The workspace's "Saved to Salesforce" heading text. */
  savedLabel: string;
  locale: string;
}

export function SavedEmailStatus({ saved, byYou, names, instanceUrl, savedLabel, locale }: SavedEmailStatusProps) {
  const styles = useStyles();
  const s = savedStatusStrings(locale);
  const sobject = saved.sobject ?? 'Task';
  const href = recordUrl(instanceUrl, sobject, saved.id);
  const when = savedWhen(saved.savedAt, locale);
  const who = byYou ? format(s.savedByYou, { when }) : saved.savedByName ? format(s.savedBy, { name: saved.savedByName, when }) : when ? format(s.savedByUnknown, { when }) : '';
  const linked = [...(saved.personIds ?? (saved.whoId ? [saved.whoId] : [])), ...(saved.whatId ? [saved.whatId] : [])]
    .map((id) => names.get(id))
    .filter((name): name is string => Boolean(name));
  return (
    <div className={styles.root} role="status" data-testid="save-email-saved">
      <Text weight="semibold">
        {savedLabel} <Text size={200}>{sobject === 'EmailMessage' ? s.savedAsEmail : s.savedAsTask}</Text>
      </Text>
      {who.trim() ? <Text data-testid="saved-by">{who.replace(/,\s*$/, '')}</Text> : null}
      {linked.length > 0 ? <Text data-testid="saved-linked-to">{format(s.linkedTo, { names: [...new Set(linked)].join(', ') })}</Text> : null}
      {href ? (
        <Link href={href} target="_blank" rel="noopener noreferrer" data-testid="saved-task-link" data-sobject={sobject}>
          {s.openSavedEmail}
        </Link>
      ) : null}
    </div>
  );
}
