import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { shellStrings } from '../../i18n/strings';
import { createCrossPaneDropCounter } from '../../salesforce/connection/cross-pane';
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
