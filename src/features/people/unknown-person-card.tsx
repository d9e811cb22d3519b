/** An address Salesforce does not know: "Not in Salesforce", and the way to create the contact. */
import { Button, Card, CardHeader, Persona, makeStyles } from '@fluentui/react-components';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import type { WorkspaceStrings } from '../../i18n/workspace-strings';
import { clipText } from './clip-text';

const useStyles = makeStyles({ card: { width: '100%', boxSizing: 'border-box' } });

export interface UnknownPersonCardProps {
  person: EmailPerson;
  strings: WorkspaceStrings;
  /** The create-contact form when open (rendered by the workspace). */
  form?: React.ReactNode;
  onCreate(): void;
}

export function UnknownPersonCard({ person, strings: s, form, onCreate }: UnknownPersonCardProps) {
  const styles = useStyles();
  const name = clipText(person.name || person.address, 120);
  return (
    <Card className={styles.card} data-testid="unknown-person-card" aria-label={name}>
      <CardHeader
        header={<Persona name={name} secondaryText={`${clipText(person.address)} · ${s.notInSalesforce}`} avatar={{ 'aria-hidden': true }} />}
        action={
          form ? undefined : (
            <Button size="small" onClick={onCreate} data-testid="create-contact-open">
              {s.createContact}
            </Button>
          )
        }
      />
      {form}
    </Card>
  );
}
