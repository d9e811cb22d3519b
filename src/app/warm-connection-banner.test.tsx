import { describe, expect, it, vi } from 'vitest';
import { shellStrings } from '../i18n/strings';
import { warmConnectionBanner } from './warm-connection-banner';

describe('warmConnectionBanner', () => {
  it('renders the banner once, off the document: its styles are inserted, nothing is shown or found', async () => {
    const cssRules = () => [...document.querySelectorAll('style')].reduce((n, style) => n + (style.sheet?.cssRules.length ?? 0), 0);
    const rulesBefore = cssRules();
    warmConnectionBanner(shellStrings('en'), 'en');
    warmConnectionBanner(shellStrings('en'), 'en');
    await vi.waitFor(() => expect(cssRules()).toBeGreaterThan(rulesBefore));
    expect(document.querySelector('[data-testid="connection-lost"]')).toBeNull();
    expect(document.body.textContent).not.toContain('Connection lost');
  });
});
