import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { shellStrings } from '../../i18n/strings';
import { createCrossPaneDropCounter } from '../../salesforce/connection/cross-pane';
import { createLogBook, type LogBook } from '../../shared/logger';
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
