/**
 * Save the meeting on show (the occurrence in view, for a recurring one) to Salesforce as an Event on the people
 * found behind its organizer and attendees, related to the account or an open opportunity the seller picks. Saved
 * shows with who saved it and when, and a link; a meeting moved or renamed since offers to update its Event. The
 * write goes through the outbox (crm/save-meeting.ts makes it safe to run again).
 */
import { Button, Link, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { FailureBar } from '../../components/failure-bar';
import { RecordSelect } from '../../components/record-select';
import { useId, useMemo, useState } from 'react';
import type { MeetingContext } from '../../host/office-host';
import { failureMessage } from '../../i18n/failure-messages';
import type { SaveMeetingStrings } from '../../i18n/save-meeting-strings';
import { format } from '../../i18n/strings';
import { waitReasonDetail } from '../../i18n/workspace-strings';
import type { AccountSummary, PersonMatch } from '../../salesforce/crm/crm-records';
import { canBeWhatId, personOfFound } from '../../salesforce/crm/record-search';
import { recordUrl } from '../../salesforce/crm/record-links';
import type { SavedMeetingEvent } from '../../salesforce/crm/crm-records';
import type { Outbox, OutboxEntry, OutboxOwner, SaveMeetingAction } from '../../salesforce/outbox/outbox';
import { meetingWhatChoices, withMeetingLinks, type LinkedFound } from './meeting-links';
import { meetingSaveStateOf } from './meeting-save-state';
import { useSavePanelStyles } from '../../components/save-panel-styles';

export interface SaveMeetingPanelProps {
  meeting: MeetingContext;
  /** Contacts and leads found for the meeting's people, organizer first. */
  matches: PersonMatch[];
  accountsById: Map<string, AccountSummary>;
  /** From the lookup: the meeting's Event (null: none; undefined: not known). */
  saved: SavedMeetingEvent | null | undefined;
  entries: OutboxEntry[];
  outbox: Outbox;
  owner: OutboxOwner;
  instanceUrl: string;
  strings: SaveMeetingStrings;
  locale: string;
  /**
   * A record the seller found by search (the workspace's search and link, as for Save email): a contact or lead
   * becomes the main contact, anything else what the meeting is related to. Selected when it arrives.
   */
  linked?: LinkedFound;
  /** The search, given by the workspace (features do not import each other), shown under the choices. */
  linkSlot?: React.ReactNode;
}

function formatInstant(iso: string, locale: string): string {
  const date = new Date(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(date.getTime())) return '';
  try {
    return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return date.toISOString();
  }
}

/** Contacts first (an Event relates up to 50 of them), then leads. */
function orderedPeople(matches: PersonMatch[]): PersonMatch[] {
  const seen = new Set<string>();
  const unique = matches.filter((m) => !seen.has(m.id) && seen.add(m.id));
  return [...unique.filter((m) => m.kind === 'contact'), ...unique.filter((m) => m.kind === 'lead')];
}

export function SaveMeetingPanel(props: SaveMeetingPanelProps) {
  const { meeting, matches, accountsById, saved, entries, outbox, owner, instanceUrl, strings: s, locale, linked, linkSlot } = props;
  const linkedWho = linked && !canBeWhatId(linked) ? personOfFound(linked) : undefined;
  const styles = useSavePanelStyles();
  const headingId = useId();
  const writeErrorId = useId();
  const [writeError, setWriteError] = useState(false);
  // A linked person already among the matches keeps its match (with its account and opportunities).
  const people = useMemo(() => orderedPeople(linkedWho ? [matches.find((m) => m.id === linkedWho.id) ?? linkedWho, ...matches] : matches), [linkedWho?.id, matches]); // eslint-disable-line react-hooks/exhaustive-deps
  const [primaryChoice, setPrimaryChoice] = useState<string | undefined>();
  const [whatChoice, setWhatChoice] = useState<string | undefined>();
  // A record just linked by search is selected (React's "adjust state when a prop changes" pattern).
  const [linkedSeen, setLinkedSeen] = useState<string | undefined>();
  if (linked && linked.id !== linkedSeen) {
    setLinkedSeen(linked.id);
    if (linkedWho) setPrimaryChoice(linkedWho.id);
    else setWhatChoice(undefined);
  }
  const primary = people.find((p) => p.id === primaryChoice) ?? people[0];
  const state = meetingSaveStateOf(meeting, entries, saved);
  const keptWhatId = state.kind === 'form' ? state.changed?.whatId : undefined;
  const what = meetingWhatChoices({ primary, accountsById, linked, keptWhatId, strings: s });
  const options = what.options;
  const whatId = whatChoice !== undefined && ((whatChoice === '' && what.allowNone) || options.some((o) => o.id === whatChoice)) ? whatChoice : what.defaultId;
  const when = format(s.when, { start: formatInstant(meeting.start, locale), end: formatInstant(meeting.end, locale) });

  const save = (failed: OutboxEntry | undefined) => {
    if (!primary || !meeting.meetingKey) return;
    const others = people.filter((p) => p.id !== primary.id && p.kind === 'contact' && primary.kind === 'contact');
    const action: SaveMeetingAction = withMeetingLinks(
      {
        type: 'save_meeting',
        meetingKey: meeting.meetingKey,
        subject: meeting.subject,
        start: meeting.start,
        end: meeting.end,
        location: meeting.location,
        descriptionExcerpt: meeting.bodyExcerpt,
        peopleIds: [primary.id, ...others.map((p) => p.id)],
        label: meeting.subject.slice(0, 80),
      },
      { primary, whatId, linked },
    );
    if (meeting.isAllDay) action.isAllDay = true;
    setWriteError(false);
    const kept = failed ? outbox.retry(owner, failed.id, action) : outbox.enqueue(owner, action);
    void Promise.resolve(kept).catch(() => setWriteError(true));
  };

  let body: React.ReactNode;
  switch (state.kind) {
    case 'needs-saved-item':
      body = <Text data-testid="save-meeting-needs-saved-item">{s.needsSavedItem}</Text>;
      break;
    case 'saved': {
      const href = recordUrl(instanceUrl, 'Event', state.eventId);
      const by = state.saved?.createdByName && state.saved.createdDate ? format(s.savedBy, { name: state.saved.createdByName, date: formatInstant(state.saved.createdDate, locale) }) : '';
      body = (
        <div className={styles.row} role="status" data-testid="save-meeting-saved">
          <Text weight="semibold">{s.saved}</Text>
          {by ? <Text size={200}>{by}</Text> : null}
          {href ? (
            <Link href={href} target="_blank" rel="noopener noreferrer" data-testid="saved-event-link">
              {s.openSaved}
            </Link>
          ) : null}
        </div>
      );
      break;
    }
    case 'sending':
      body = (
        <Text role="status" data-testid="save-meeting-sending">
          {s.saving}
        </Text>
      );
      break;
    case 'waiting':
      body = (
        <MessageBar intent="warning" data-testid="save-meeting-waiting">
          <MessageBarBody>{waitReasonDetail(state.entry.waitingFor, locale)}</MessageBarBody>
        </MessageBar>
      );
      break;
    case 'form': {
      const failure = state.failed?.failure;
      const message = failure ? failureMessage(failure, locale) : undefined;
      body =
        people.length === 0 ? (
          <>
            <Text data-testid="save-meeting-needs-person">{s.needsPerson}</Text>
            {linkSlot}
          </>
        ) : (
          <>
            {state.changed ? (
              <MessageBar intent="info" data-testid="save-meeting-changed">
                <MessageBarBody>{s.changedSinceSave}</MessageBarBody>
              </MessageBar>
            ) : null}
            {failure && message ? <FailureBar title={message.title} explanation={message.explanation} detail={failure.detail} testId="save-meeting-failed" /> : null}
            {primary?.kind === 'lead' ? (
              <Text size={200}>{s.leadNoRelated}</Text>
            ) : options.length > 0 ? (
              <RecordSelect
                label={s.relatedLabel}
                value={whatId}
                options={options}
                {...(what.allowNone ? { noneLabel: s.relatedNone } : {})}
                onChange={setWhatChoice}
                className={styles.select}
                testId="save-meeting-what"
              />
            ) : null}
            {people.length > 1 ? (
              <RecordSelect
                label={s.primaryLabel}
                value={primary?.id ?? ''}
                options={people.map((p) => ({ id: p.id, label: p.name.slice(0, 80) }))}
                onChange={setPrimaryChoice}
                className={styles.select}
                testId="save-meeting-primary"
              />
            ) : null}
            {linkSlot}
            <div className={styles.row}>
              <Button appearance="primary" data-testid="save-meeting-button" {...(writeError ? { 'aria-describedby': writeErrorId } : {})} onClick={() => save(state.failed)}>
                {state.changed ? s.updateButton : s.saveButton}
              </Button>
              {writeError ? (
                <Text id={writeErrorId} role="alert" className={styles.writeError} data-testid="save-meeting-write-error">
                  {s.notKept}
                </Text>
              ) : null}
            </div>
          </>
        );
      break;
    }
  }

  return (
    <section className={styles.panel} aria-labelledby={headingId} data-testid="save-meeting-panel">
      <Text as="h2" size={400} weight="semibold" id={headingId}>
        {s.meetingHeading}
      </Text>
      <Text weight="semibold" className={styles.wrap} data-testid="meeting-subject">
        {meeting.subject}
      </Text>
      <Text size={200} data-testid="meeting-when">
        {when}
        {meeting.location ? ` · ${meeting.location}` : ''}
      </Text>
      <Text size={200}>{meeting.role === 'organizer' ? s.organizerRole : format(s.attendeeRole, { name: meeting.organizer?.name ?? '' })}</Text>
      {meeting.seriesId ? <Text size={200}>{s.occurrence}</Text> : null}
      {body}
    </section>
  );
}
