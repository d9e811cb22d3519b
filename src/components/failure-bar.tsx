import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export interface FailureBarProps {
  title: string;
  explanation?: string;
  /** Salesforce's own words, already scrubbed by the classifier. */
  detail?: string;
  testId: string;
}

/** Why a write did not go through: the message's title, then its explanation and Salesforce's detail. */
export function FailureBar({ title, explanation, detail, testId }: FailureBarProps) {
  return (
    <MessageBar intent="error" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {[explanation, detail].filter(Boolean).join(' ')}
      </MessageBarBody>
    </MessageBar>
  );
}
