/**
 * Everything about the connection that is not Connection lost: offline (recovers by itself) and reconnecting. Never
 * offers Sign in again: nothing here needs the seller.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { ShellStrings } from '../../i18n/strings';
import type { ConnectionState } from '../../salesforce/salesforce-api';

export function ConnectionStatusNotice({ state, strings }: { state: ConnectionState; strings: ShellStrings }) {
  if (state.status === 'offline') {
    return (
      <MessageBar intent="warning" politeness="polite" data-testid="offline-notice">
        <MessageBarBody>
          <MessageBarTitle>{strings.offlineTitle}</MessageBarTitle>
          {strings.offlineBody}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.status === 'connecting' || state.status === 'refreshing') {
    return <Spinner size="extra-tiny" labelPosition="after" label={strings.reconnecting} data-testid="reconnecting" />;
  }
  return null;
}
