/**
 * A Salesforce contact or lead behind an address: name, title, account or company, email, phone, owner, the
 * account's open opportunities, and a link to the record. Everything from the CRM is rendered as text; the only link
 * is built by recordUrl (the signed-in instance, https, a real id).
 */
import { Badge, Body1Strong, Caption1, Card, CardHeader, Link, Persona, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { AccountSummary, PersonMatch } from '../../salesforce/crm/crm-records';
import { useFocusOnArrival } from '../../components/use-focus-on-arrival';
import { recordUrl } from '../../salesforce/crm/record-links';
import { format } from '../../i18n/strings';
import type { WorkspaceStrings } from '../../i18n/workspace-strings';
import { CardDetails } from './card-details';
import { clipText } from './clip-text';

/** In a multi-currency org the amount is in the record's own currency: shown with it (EUR 12,000.00, 12 000,00 €). */
function formatAmount(amount: number, currency: string | undefined, locale: string, plain: Intl.NumberFormat): string {
  if (!currency) return plain.format(amount);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // A code the browser does not know: the number and the code as Salesforce gave it.
    return `${currency} ${plain.format(amount)}`;
  }
}

const useStyles = makeStyles({
  card: { width: '100%', boxSizing: 'border-box' },
  details: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  opportunities: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  wrap: { overflowWrap: 'anywhere' },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export interface PersonCardProps {
  person: PersonMatch;
  /** The contact's account with its open opportunities, when the lookup found it. */
  account?: AccountSummary;
  instanceUrl: string;
  locale: string;
  strings: WorkspaceStrings;
  /** Extra content (e.g. "Saved" for the email's saved Task). */
  footer?: React.ReactNode;
  /** The card has just replaced the form the seller was in (a contact just created): it takes the focus. */
  focusOnArrival?: boolean;
}

export function PersonCard({ person, account, instanceUrl, locale, strings: s, footer, focusOnArrival = false }: PersonCardProps) {
  const styles = useStyles();
  const sobject = person.kind === 'contact' ? 'Contact' : 'Lead';
  const href = recordUrl(instanceUrl, sobject, person.id);
  const name = clipText(person.name, 120);
  const organisation = person.kind === 'contact' ? person.accountName : person.company;
  const secondary = [clipText(person.title, 120), clipText(organisation, 120)].filter(Boolean).join(' · ');
  const amountFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const opportunitiesId = useId();
  const cardRef = useFocusOnArrival<HTMLDivElement>(focusOnArrival);

  return (
    // tabIndex -1: focusable by the app (a contact just created), not a tab stop; Fluent draws the keyboard focus ring.
    <Card ref={cardRef} tabIndex={-1} className={styles.card} data-testid="person-card" data-person-kind={person.kind} aria-label={name}>
      <CardHeader
        header={<Persona name={name} secondaryText={secondary} textAlignment="center" avatar={{ color: 'colorful', 'aria-hidden': true }} />}
        action={
          <Badge appearance="tint" color={person.kind === 'contact' ? 'brand' : 'informative'}>
            {person.kind === 'contact' ? s.contact : s.lead}
          </Badge>
        }
      />
      <dl className={styles.details}>
        <dt className={styles.term}>{s.emailLabel}</dt>
        <dd className={styles.value}>{clipText(person.email)}</dd>
        {person.phone ? (
          <>
            <dt className={styles.term}>{s.phoneLabel}</dt>
            <dd className={styles.value}>{clipText(person.phone, 60)}</dd>
          </>
        ) : null}
        {person.kind === 'lead' && person.status ? (
          <>
            <dt className={styles.term}>{s.statusLabel}</dt>
            <dd className={styles.value}>{clipText(person.status, 80)}</dd>
          </>
        ) : null}
        <CardDetails details={person.details} locale={locale} />
        {person.ownerName ? (
          <>
            <dt className={styles.term}>{s.ownerLabel}</dt>
            <dd className={styles.value}>{clipText(person.ownerName, 120)}</dd>
          </>
        ) : null}
      </dl>
      {person.kind === 'contact' && account ? (
        <div data-testid="open-opportunities">
          <Body1Strong as="p" id={opportunitiesId}>
            {s.openOpportunities}
          </Body1Strong>
          {account.openOpportunities.length === 0 ? (
            <Caption1 as="p">{s.noOpenOpportunities}</Caption1>
          ) : (
            <ul className={styles.opportunities} aria-labelledby={opportunitiesId}>
              {account.openOpportunities.map((o) => (
                <li key={o.id} className={styles.wrap}>
                  <Text block>{clipText(o.name, 120)}</Text>
                  {/* Stage and amount on their own line: run on after the name they broke mid-phrase in a narrow pane. */}
                  <Caption1 block>
                    {format(s.opportunityLine, {
                      stage: clipText(o.stageName, 60),
                      amount: o.amount === null ? s.noAmount : formatAmount(o.amount, o.currencyIsoCode, locale, amountFormat),
                    })}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <div className={styles.footer}>
        {href ? (
          <Link href={href} target="_blank" rel="noopener noreferrer" data-testid="record-link">
            {format(s.openInSalesforce, { name })}
          </Link>
        ) : null}
        {footer}
      </div>
    </Card>
  );
}
