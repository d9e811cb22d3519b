/**
 * "Edit" on a known person's card: the contact's title and phone or the lead's status, and each open opportunity's
 * stage, amount, close date and next step. The card shows pending edits over Salesforce's data (optimistic display);
 * one record's form is open at a time, below the card. Only where the workspace can write and the lookup gave the
 * record's LastModifiedDate (without it a change made meanwhile could not be told apart).
 */
import { useState } from 'react';
import { editRecordStrings } from '../../i18n/edit-record-strings';
import { format } from '../../i18n/strings';
import type { AccountSummary, OpportunitySummary, PersonMatch } from '../../salesforce/crm/crm-records';
import { EditRecordForm } from '../../features/edit-record/edit-record-form';
import type { EditTarget } from '../../features/edit-record/edit-record-draft';
import { useEditFieldSpecs } from '../../features/edit-record/field-specs-from-metadata';
import { EditRecordToggle } from '../../features/edit-record/edit-record-toggle';
import { latestEditOf, opportunityValues, overlayAccount, overlayPerson, personValues } from '../../features/edit-record/pending-edits';
import type { WorkspaceWrites } from './workspace-writes';

type Target = EditTarget & { lastModifiedDate: string };

export interface RecordEdits {
  person: PersonMatch;
  account: AccountSummary | undefined;
  personButton: React.ReactNode;
  opportunityAction: ((o: OpportunitySummary) => React.ReactNode) | undefined;
  form: React.ReactNode;
}

export function useRecordEdits(match: PersonMatch, account: AccountSummary | undefined, writes: WorkspaceWrites | undefined, locale: string): RecordEdits {
  const [editing, setEditing] = useState<string | null>(null);
  const s = editRecordStrings(locale);
  const entries = writes?.entries ?? [];
  const person = writes ? overlayPerson(match, entries) : match;
  const shownAccount = account && writes ? overlayAccount(account, entries) : account;

  const personTarget: Target | undefined = match.lastModifiedDate
    ? {
        sobject: match.kind === 'contact' ? 'Contact' : 'Lead',
        recordId: match.id,
        name: match.name,
        lastModifiedDate: match.lastModifiedDate,
        values: personValues(match),
        addresses: [match.email],
      }
    : undefined;
  const opportunityTarget = (o: OpportunitySummary): Target | undefined =>
    o.lastModifiedDate ? { sobject: 'Opportunity', recordId: o.id, name: o.name, lastModifiedDate: o.lastModifiedDate, values: opportunityValues(o), addresses: [match.email] } : undefined;

  const pendingText = (recordId: string) => {
    const latest = latestEditOf(entries, recordId);
    return latest && (latest.status === 'queued' || latest.status === 'sending') ? s.pendingBadge : undefined;
  };
  // An object the admin allows no edits on shows no Edit.
  const editable = (target: Target) => writes?.crm?.objects[target.sobject]?.editableFields.length !== 0;
  const toggle = (target: Target | undefined) =>
    writes && target && editable(target) ? (
      <EditRecordToggle
        open={editing === target.recordId}
        label={s.editOpen}
        accessibleLabel={format(s.editOpenFor, { name: target.name.slice(0, 80) })}
        onToggle={() => setEditing((current) => (current === target.recordId ? null : target.recordId))}
        {...(pendingText(target.recordId) ? { pending: pendingText(target.recordId) } : {})}
      />
    ) : null;

  const open =
    editing === null ? undefined : editing === personTarget?.recordId ? personTarget : (account?.openOpportunities.map(opportunityTarget).find((t) => t?.recordId === editing) ?? undefined);
  const requiredOnSave = open ? writes?.crm?.objects[open.sobject]?.requiredOnSave : undefined;
  // The record's record type picklists are asked for only now, when its form opens.
  const described = useEditFieldSpecs(writes?.metadata, open?.sobject, s, { ...(open ? { recordId: open.recordId } : {}), ...(requiredOnSave ? { requiredOnSave } : {}) });
  // The admin's editableFields narrow what the form offers; the config says nothing: every field Edit knows.
  const allowed = open ? writes?.crm?.objects[open.sobject]?.editableFields.map((name) => name.toLowerCase()) : undefined;
  const specs = described && allowed ? described.filter((spec) => allowed.includes(spec.name.toLowerCase())) : described;
  const form =
    writes && open && specs ? (
      <EditRecordForm
        key={open.recordId}
        target={open}
        specs={specs}
        outbox={writes.outbox}
        owner={writes.owner}
        entries={writes.entries}
        strings={s}
        locale={locale}
        onClose={() => setEditing(null)}
      />
    ) : null;

  return {
    person,
    account: shownAccount,
    personButton: toggle(personTarget),
    opportunityAction: writes && match.kind === 'contact' ? (o) => toggle(opportunityTarget(o)) : undefined,
    form,
  };
}
