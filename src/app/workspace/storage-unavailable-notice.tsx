/**
 * Said once, above everything, when the browser keeps nothing for the add-in (no IndexedDB): what still works and
 * what does not, so a read-only pane is never mistaken for a broken one.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ShellStrings } from '../../i18n/strings';

export function StorageUnavailableNotice({ strings }: { strings: ShellStrings }) {
  return (
    <MessageBar intent="info" politeness="polite" data-testid="storage-unavailable-notice">
      <MessageBarBody>
        <MessageBarTitle>{strings.storageUnavailableTitle}</MessageBarTitle>
        {strings.storageUnavailable}
      </MessageBarBody>
    </MessageBar>
  );
}
