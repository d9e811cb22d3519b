/**
 * The limit the bench measures the add-in against (issue 14): React 19 and Fluent UI v9 alone, a FluentProvider with
 * a MessageBar and two Buttons, built by the same Vite. No app code at all: whatever the pane costs beyond this is
 * ours. `data-testid="welcome"` lets the pane's paint probe (pane-scripts.ts) time its first meaningful paint.
 */
import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function Shell() {
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      <MessageBar intent="info" layout="multiline" data-testid="welcome">
        <MessageBarBody>
          <MessageBarTitle>Salesforce for Outlook</MessageBarTitle>
          Sign in to see who you are writing to.
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary">Sign in</Button>
          <Button>Not now</Button>
        </MessageBarActions>
      </MessageBar>
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Shell />
  </StrictMode>,
);
