/**
 * "Edit" on a card or one of its opportunities: opens and closes that record's edit form. When the form closes,
 * focus comes back here instead of falling to the top of the pane.
 */
import { Button } from '@fluentui/react-components';
import { useFocusReturn } from '../../components/use-focus-return';

export interface EditRecordToggleProps {
  open: boolean;
  label: string;
  accessibleLabel: string;
  onToggle(): void;
  /** A pending edit: shown beside the button, read with it. */
  pending?: string;
}

export function EditRecordToggle({ open, label, accessibleLabel, onToggle, pending }: EditRecordToggleProps) {
  const ref = useFocusReturn<HTMLButtonElement>(open);
  return (
    <Button ref={ref} size="small" aria-label={pending ? `${accessibleLabel} (${pending})` : accessibleLabel} aria-expanded={open} onClick={onToggle} data-testid="edit-record-open">
      {pending ? `${label} · ${pending}` : label}
    </Button>
  );
}
