/**
 * Salesforce did not answer the people lookup: what went wrong and what to do, from the classified failure, and a
 * retry. (Back from a lost connection or offline, the workspace also retries by itself.)
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { failureMessage } from '../../i18n/failure-messages';
import type { WorkspaceStrings } from '../../i18n/workspace-strings';
import type { ClassifiedFailure } from '../../salesforce/failure-kinds';

export interface LookupErrorProps {
  failure: ClassifiedFailure;
  strings: WorkspaceStrings;
  locale: string;
  onRetry(): void;
}

export function LookupError({ failure, strings: s, locale, onRetry }: LookupErrorProps) {
  const message = failureMessage(failure, locale);
  return (
    <MessageBar intent="error" data-testid="people-error">
      <MessageBarBody>
        <MessageBarTitle>{s.lookupFailed}</MessageBarTitle>
        {message.explanation} {message.action}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry} data-testid="people-retry">
          {s.retry}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
