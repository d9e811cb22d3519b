/**
 * The foot of a form whose write goes through the outbox: why the write waits (offline, connection lost…), that it is
 * being sent, and the submit and cancel buttons, held while it is.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { waitReasonDetail } from '../i18n/workspace-strings';
import type { OutboxEntry } from '../salesforce/outbox/outbox';
import { FormActions, type FormActionsProps } from './form-actions';

export interface SendingFormFooterProps extends FormActionsProps {
  /** The form's outbox entry, once submitted. */
  entry: Pick<OutboxEntry, 'status' | 'waitingFor'> | undefined;
  waitingTitle: string;
  sendingText: string;
  locale: string;
  /** `<prefix>-waiting` and `<prefix>-sending` name the notices for tests. */
  testIdPrefix: string;
}

export function SendingFormFooter({ entry, waitingTitle, sendingText, locale, testIdPrefix, ...actions }: SendingFormFooterProps) {
  return (
    <>
      {entry?.status === 'waiting' ? (
        <MessageBar intent="warning" data-testid={`${testIdPrefix}-waiting`}>
          <MessageBarBody>
            <MessageBarTitle>{waitingTitle}</MessageBarTitle>
            {waitReasonDetail(entry.waitingFor, locale)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {actions.busy ? (
        <Text role="status" data-testid={`${testIdPrefix}-sending`}>
          {sendingText}
        </Text>
      ) : null}
      <FormActions {...actions} />
    </>
  );
}
