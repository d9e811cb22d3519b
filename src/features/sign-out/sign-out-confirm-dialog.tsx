/**
 * Asked before sign-out discards unsent work: discard and sign out, or keep it and stay signed in.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { format, type ShellStrings } from '../../i18n/strings';

export interface SignOutConfirmDialogProps {
  open: boolean;
  pendingCount: number;
  strings: ShellStrings;
  onDiscard(): void;
  onKeep(): void;
}

export function SignOutConfirmDialog({ open, pendingCount, strings, onDiscard, onKeep }: SignOutConfirmDialogProps) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : onKeep())}>
      <DialogSurface data-testid="sign-out-confirm">
        <DialogBody>
          <DialogTitle>{strings.signOutConfirmTitle}</DialogTitle>
          <DialogContent>{format(strings.signOutConfirmBody, { count: pendingCount })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onKeep}>
              {strings.signOutKeep}
            </Button>
            <Button onClick={onDiscard}>{strings.signOutDiscard}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
