/**
 * A contact or lead Salesforce knows, in the list: its card (with the contact's account and open opportunities) and,
 * where the workspace can write, Log a follow-up, whose form opens below the card, and Edit (record-edits.tsx).
 */
import type { EmailContext } from '../../host/office-host';
import { format } from '../../i18n/strings';
import type { WorkspaceStrings } from '../../i18n/workspace-strings';
import type { AccountSummary, PersonMatch } from '../../salesforce/crm/crm-records';
import { FollowUpForm } from '../../features/follow-up/follow-up-form';
import { PersonCard } from '../../features/people/person-card';
import { FollowUpToggle } from './follow-up-toggle';
import { useRecordEdits } from './record-edits';
import type { PersonForms } from './use-person-forms';
import type { WorkspaceWrites } from './workspace-writes';

export interface KnownPersonItemProps {
  match: PersonMatch;
  account: AccountSummary | undefined;
  context: EmailContext;
  /** Which email is shown: a follow-up form belongs to one email. */
  emailKey: string;
  instanceUrl: string;
  writes: WorkspaceWrites | undefined;
  forms: PersonForms;
  strings: WorkspaceStrings;
  locale: string;
}

export function KnownPersonItem({ match, account, context, emailKey, instanceUrl, writes, forms, strings: s, locale }: KnownPersonItemProps) {
  const open = forms.followUpFor === match.id;
  const edits = useRecordEdits(match, account, writes, locale);
  return (
    <li>
      <PersonCard
        person={edits.person}
        {...(edits.account ? { account: edits.account } : {})}
        {...(edits.opportunityAction ? { opportunityAction: edits.opportunityAction } : {})}
        instanceUrl={instanceUrl}
        locale={locale}
        strings={s}
        focusOnArrival={forms.created?.contactId === match.id}
        footer={
          writes ? (
            <>
              <FollowUpToggle
                open={open}
                label={s.followUpOpen}
                accessibleLabel={format(s.followUpOpenFor, { name: match.name.slice(0, 80) })}
                onToggle={() => forms.toggleFollowUp(match.id)}
              />
              {edits.personButton}
            </>
          ) : undefined
        }
      />
      {edits.form}
      {writes && open ? (
        <FollowUpForm
          key={`${emailKey}:${match.id}`}
          target={{ id: match.id, name: match.name, accountId: match.kind === 'contact' ? match.accountId : null }}
          emailSubject={context.subject}
          outbox={writes.outbox}
          owner={writes.owner}
          entries={writes.entries}
          instanceUrl={instanceUrl}
          strings={s}
          locale={locale}
          onClose={forms.closeFollowUp}
        />
      ) : null}
    </li>
  );
}
