/** A form's submit and cancel buttons, both held while the form is being sent. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface FormActionsProps {
  submitLabel: string;
  cancelLabel: string;
  busy: boolean;
  onCancel(): void;
  submitTestId?: string;
}

export function FormActions({ submitLabel, cancelLabel, busy, onCancel, submitTestId }: FormActionsProps) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <Button appearance="primary" type="submit" disabled={busy} data-testid={submitTestId}>
        {submitLabel}
      </Button>
      <Button type="button" onClick={onCancel} disabled={busy}>
        {cancelLabel}
      </Button>
    </div>
  );
}
