import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { shellStrings } from '../../i18n/strings';
import { createCrossPaneDropCounter } from '../../salesforce/connection/cross-pane';
import { createLogBook, type LogBook } from '../../shared/logger';
import { renderWithFluent } from '../../testing/render-with-fluent';
import { createTestMicrosoftAuth } from '../../testing/test-microsoft-auth';
import { DiagnosticsDisclosure } from './diagnostics-disclosure';

describe('About and diagnostics', () => {
  it('shows how many cross-pane messages this pane refused', () => {
    const drops = createCrossPaneDropCounter();
    const render = () => renderToStaticMarkup(<DiagnosticsDisclosure microsoft={undefined} strings={shellStrings('en')} drops={drops} />);
    expect(render()).toContain('Messages from other panes refused: 0');
    drops.add();
    drops.add();
    expect(render()).toContain('Messages from other panes refused: 2');
    expect(renderToStaticMarkup(<DiagnosticsDisclosure microsoft={undefined} strings={shellStrings('fr')} drops={drops} />)).toContain('volets : 2');
  });
});

describe('About and diagnostics, in the pane', () => {
  it('is a tab stop, opens onto its lines, and follows the counter live', async () => {
    const drops = createCrossPaneDropCounter();
    const { user } = renderWithFluent(<DiagnosticsDisclosure microsoft={undefined} strings={shellStrings('en')} drops={drops} />);
    const details = screen.getByTestId<HTMLDetailsElement>('diagnostics');
    expect(details.open).toBe(false);
    await user.tab();
    const summary = screen.getByText('About and diagnostics');
    expect(document.activeElement).toBe(summary);
    // user-event does not turn Enter on a <summary> into its activation (browsers do): the click stands for it.
    await user.click(summary);
    expect(details.open).toBe(true);
    expect(screen.getByTestId('diagnostics-microsoft').textContent).toBe('Microsoft sign-in not configured');
    expect(screen.getByTestId('diagnostics-cross-pane-dropped').textContent).toBe('Messages from other panes refused: 0');
    act(() => drops.add());
    expect(screen.getByTestId('diagnostics-cross-pane-dropped').textContent).toBe('Messages from other panes refused: 1');
  });

  it('follows Microsoft sign-in and sign-out, with no name in the line', async () => {
    const { microsoft } = createTestMicrosoftAuth();
    renderWithFluent(<DiagnosticsDisclosure microsoft={microsoft} strings={shellStrings('en')} drops={createCrossPaneDropCounter()} />);
    await act(() => microsoft.initialize());
    const line = screen.getByTestId('diagnostics-microsoft');
    expect(line.textContent).toBe('Microsoft sign-in signed in (nested app authentication)');
    expect(line.textContent).not.toContain('Sam');
    await act(() => microsoft.signOut());
    expect(line.textContent).not.toBe('Microsoft sign-in signed in (nested app authentication)');
    expect(line.textContent).toMatch(/^Microsoft sign-in /);
  });

  it('speaks French', () => {
    renderWithFluent(<DiagnosticsDisclosure microsoft={undefined} strings={shellStrings('fr')} drops={createCrossPaneDropCounter()} />, { lang: 'fr' });
    expect(screen.getByText('À propos et diagnostic')).toBeTruthy();
    expect(screen.getByTestId('diagnostics-microsoft').textContent).toBe('Connexion Microsoft non configurée');
  });
});

describe('the debug log switch', () => {
  function renderWith(log: LogBook, locale: 'en' | 'fr' = 'en') {
    return render(
      <FluentProvider theme={webLightTheme}>
        <DiagnosticsDisclosure microsoft={undefined} strings={shellStrings(locale)} drops={createCrossPaneDropCounter()} log={log} />
      </FluentProvider>,
    );
  }

  it('is off by default and turns the log on and off', async () => {
    const lines: string[] = [];
    const log = createLogBook({ sink: (_level, line) => void lines.push(line) });
    renderWith(log);
    const toggle = screen.getByRole<HTMLInputElement>('switch', { name: /Debug log in the browser console/ });
    expect(toggle.checked).toBe(false);
    log.createLogger('test').debug('before');

    await userEvent.click(toggle);
    expect(log.isEnabled()).toBe(true);
    expect(toggle.checked).toBe(true);
    log.createLogger('test').debug('while on');

    await userEvent.click(toggle);
    expect(log.isEnabled()).toBe(false);
    log.createLogger('test').debug('after');
    expect(lines).toEqual(['[test] while on']);
  });

  it('follows the log book when it changes elsewhere (another copy of the switch, a remembered choice)', () => {
    const log = createLogBook({ sink: () => undefined });
    renderWith(log, 'fr');
    const toggle = screen.getByRole<HTMLInputElement>('switch', { name: /Journal de débogage/ });
    act(() => log.setEnabled(true));
    expect(toggle.checked).toBe(true);
    act(() => log.setEnabled(false));
    expect(toggle.checked).toBe(false);
  });
});
