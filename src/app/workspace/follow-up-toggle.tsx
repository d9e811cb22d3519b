/**
 * "Log a follow-up" on a card: opens and closes the card's follow-up form. When the form closes (Cancel, Close), focus
 * comes back here instead of falling to the top of the pane.
 */
import { Button } from '@fluentui/react-components';
import { useFocusReturn } from '../../components/use-focus-return';

export interface FollowUpToggleProps {
  open: boolean;
  label: string;
  accessibleLabel: string;
  onToggle(): void;
}

export function FollowUpToggle({ open, label, accessibleLabel, onToggle }: FollowUpToggleProps) {
  const ref = useFocusReturn<HTMLButtonElement>(open);
  return (
    <Button ref={ref} size="small" aria-label={accessibleLabel} aria-expanded={open} onClick={onToggle} data-testid="follow-up-open">
      {label}
    </Button>
  );
}
