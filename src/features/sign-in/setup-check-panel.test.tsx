import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { SetupFinding } from '../../auth/setup-check/setup-check-result';
import { SetupCheckPanel } from './setup-check-panel';

const context = { origin: 'https://addin.contoso.com', redirectUri: 'https://addin.contoso.com/auth-callback.html', clientId: 'key' };

const FINDINGS: SetupFinding[] = [
  { id: 'login-host', status: 'ok', finding: 'my_domain', values: { host: 'acme.my.salesforce.com' } },
  { id: 'cors-allowlist', status: 'problem', finding: 'origin_not_allowed', values: { origin: context.origin } },
  { id: 'pkce', status: 'unknown', finding: 'browser_cannot_check' },
];

/** A run the test settles when it wants, to see the panel while the check is under way. */
function deferredRun(findings: SetupFinding[]) {
  let settle: () => void = () => undefined;
  let calls = 0;
  const run = () => {
    calls += 1;
    return new Promise<SetupFinding[]>((resolve) => {
      settle = () => resolve(findings);
    });
  };
  return { run, settle: () => settle(), calls: () => calls };
}

function renderPanel(run: () => Promise<SetupFinding[]>, locale = 'en') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <SetupCheckPanel run={run} locale={locale} context={context} />
    </FluentProvider>,
  );
}

describe('SetupCheckPanel', () => {
  it('runs on a click, once at a time, then lists each check with its status, words and fix', async () => {
    const user = userEvent.setup();
    const check = deferredRun(FINDINGS);
    const { container } = renderPanel(check.run);
    expect(screen.queryByTestId('setup-check-results')).toBeNull();

    const button = screen.getByRole('button', { name: 'Check this org’s set-up' });
    await user.click(button);
    expect(screen.getByTestId('setup-check-summary').textContent).toContain('Checking the org’s set-up…');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await user.click(button);
    expect(check.calls()).toBe(1);

    check.settle();
    const list = await screen.findByRole('list', { name: 'Org set-up check' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(screen.getByRole('status').textContent).toBe('1 to fix in Salesforce Setup.');

    const problem = screen.getByTestId('setup-check-cors-allowlist');
    expect(problem.dataset.status).toBe('problem');
    expect(problem.textContent).toContain('Problem');
    expect(problem.textContent).toContain('https://addin.contoso.com is not on the org’s CORS allowlist');
    expect(problem.textContent).toContain('Setup › CORS › Allowed Origins List › New: add https://addin.contoso.com');
    // A check that is fine shows no fix; one a browser cannot read says where to look.
    expect(screen.getByTestId('setup-check-login-host').textContent).not.toContain('Setup ›');
    expect(screen.getByTestId('setup-check-pkce').textContent).toContain('Not known');

    const report = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(report.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('says a ready org is ready, in French too', async () => {
    const user = userEvent.setup();
    renderPanel(() => Promise.resolve([FINDINGS[0] as SetupFinding]), 'fr-FR');
    await user.click(screen.getByRole('button', { name: 'Vérifier la configuration de l’organisation' }));
    expect(await screen.findByText('Rien à corriger : l’organisation est prête pour l’add-in.')).toBeTruthy();
    expect(screen.getByTestId('setup-check-login-host').textContent).toContain('acme.my.salesforce.com est le My Domain de l’organisation.');
  });

  it('says so when the check cannot run, and can be run again', async () => {
    const user = userEvent.setup();
    let fail = true;
    renderPanel(() => (fail ? Promise.reject(new Error('boom')) : Promise.resolve(FINDINGS)));
    await user.click(screen.getByRole('button'));
    expect(await screen.findByText('The check could not run.')).toBeTruthy();
    fail = false;
    await user.click(screen.getByRole('button'));
    expect(await screen.findByRole('list')).toBeTruthy();
  });
});
