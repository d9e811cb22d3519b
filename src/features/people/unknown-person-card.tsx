/** An address Salesforce does not know: "Not in Salesforce", and the way to create the contact. */
import { Button, Card, CardHeader, Persona, makeStyles } from '@fluentui/react-components';
import { useFocusReturn } from '../../components/use-focus-return';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import type { WorkspaceStrings } from '../../i18n/workspace-strings';
import { clipText } from './clip-text';

const useStyles = makeStyles({
  card: { width: '100%', boxSizing: 'border-box' },
  // The address can be long and unbroken: let it wrap inside the card rather than push past it.
  persona: { minWidth: 0, overflowWrap: 'anywhere' },
});

export interface UnknownPersonCardProps {
  person: EmailPerson;
  strings: WorkspaceStrings;
  /** The create-contact form when open (rendered by the workspace). */
  form?: React.ReactNode;
  /** The form just created the contact for this address: its card takes the focus, not the Create button. */
  created?: boolean;
  /** Absent: no Create button (a read-only workspace cannot keep the write). */
  onCreate?: () => void;
}

export function UnknownPersonCard({ person, strings: s, form, created = false, onCreate }: UnknownPersonCardProps) {
  const styles = useStyles();
  const open = Boolean(form);
  const createButton = useFocusReturn<HTMLButtonElement>(open, { returnOnClose: !created });
  const name = clipText(person.name || person.address, 120);
  return (
    <Card className={styles.card} data-testid="unknown-person-card" aria-label={name}>
      <CardHeader header={<Persona className={styles.persona} name={name} secondaryText={`${clipText(person.address)} · ${s.notInSalesforce}`} avatar={{ 'aria-hidden': true }} />} />
      {/* Below the name, not beside it: in a 320px pane (and in high contrast's wider font) the button beside the
          address was squeezed to two lines or cut off. */}
      {open || !onCreate ? null : (
        <div>
          <Button ref={createButton} size="small" onClick={onCreate} data-testid="create-contact-open">
            {s.createContact}
          </Button>
        </div>
      )}
      {form}
    </Card>
  );
}
