/**
 * The admin's extra fields on a card (config.json `cardFields`), as term and value pairs inside the card's own
 * details list, labelled with Salesforce's labels. Only fields the seller may read ever reach here (the lookup names
 * no other), so nothing field-level security hides is shown or even asked for. Values are text, never markup.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CardDetail } from '../../salesforce/crm/crm-records';
import { cardFieldStrings } from '../../i18n/card-fields-strings';
import { clipText } from './clip-text';

const useStyles = makeStyles({
  // A div may group a dt and its dd inside a dl; it takes no box of its own, so the card's grid lays them out.
  group: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

export function formatCardValue(detail: CardDetail, locale: string): string | null {
  const s = cardFieldStrings(locale);
  const { value } = detail;
  if (value === null || value === '') return null;
  if (typeof value === 'boolean') return value ? s.yes : s.no;
  if (typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  if (detail.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A date field is a calendar day: formatted in UTC so no time zone moves it to the day before.
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  }
  return clipText(value, 200);
}

export function CardDetails({ details, locale }: { details: readonly CardDetail[] | undefined; locale: string }) {
  const styles = useStyles();
  const s = cardFieldStrings(locale);
  if (!details || details.length === 0) return null;
  return (
    <>
      {details.map((detail) => {
        const text = formatCardValue(detail, locale);
        return (
          <div key={detail.name} className={styles.group} data-testid="card-detail" data-field={detail.name}>
            <dt className={styles.term}>{clipText(detail.label, 80)}</dt>
            <dd className={styles.value}>{text ?? <span aria-label={s.emptyAccessible}>{s.empty}</span>}</dd>
          </div>
        );
      })}
    </>
  );
}
