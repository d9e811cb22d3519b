/**
 * The pane's org set-up check, wired to the pane's own fetch (a browser's CORS rules: exactly what the add-in can
 * read), its runtime config and origin, and the seller's session while connected. The login address is the one the
 * seller signed in through, else config.json's.
 */
import type { SetupFinding } from '../auth/setup-check/setup-check-result';
import type { RuntimeConfig } from '../config/runtime-config';
import type { SetupCheckContext } from '../i18n/setup-check-strings';
import type { SalesforceApi } from '../salesforce/salesforce-api';

export interface SetupCheckRunnerDeps {
  fetch: typeof fetch;
  origin: string;
  config: RuntimeConfig['salesforce'];
  connection: Pick<SalesforceApi, 'identity' | 'state' | 'composite' | 'apiPath'>;
}

/** The check as the pane shows it: the run, and what its fixes name (the add-in's origin, callback, key). */
export interface PaneSetupCheck {
  run(): Promise<SetupFinding[]>;
  context: SetupCheckContext;
}

export function createSetupCheckRunner(deps: SetupCheckRunnerDeps): PaneSetupCheck {
  const context = { origin: deps.origin, redirectUri: deps.config.redirectUri, clientId: deps.config.clientId };
  const run = async () => {
    const identity = deps.connection.identity();
    const connected = identity !== undefined && deps.connection.state().status === 'connected';
    // The check's code comes when a seller runs it (About and diagnostics), not with the first paint (issue 14).
    const { runSetupCheck } = await import('../auth/setup-check/run-setup-check');
    return runSetupCheck({
      fetch: (url, init) => deps.fetch(url, init),
      salesforce: { ...deps.config, loginUrl: identity?.loginUrl ?? deps.config.loginUrl },
      origin: deps.origin,
      ...(connected ? { session: deps.connection } : {}),
    });
  };
  return { run, context };
}
