import { describe, expect, it } from 'vitest';
import { WORKSPACE_STRINGS, waitReasonDetail, waitReasonText, workspaceStrings } from './workspace-strings';

describe('workspace strings', () => {
  it('French has every English key, translated and with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(WORKSPACE_STRINGS.en)) {
      const french = WORKSPACE_STRINGS.fr[key as keyof typeof WORKSPACE_STRINGS.en];
      expect(french, key).toBeTruthy();
      expect(placeholders(french), key).toEqual(placeholders(english));
    }
  });
  it('resolves the locale from Office tags', () => {
    expect(workspaceStrings('fr-FR').saveButton).toBe('Enregistrer l’e-mail');
    expect(workspaceStrings('de-DE').saveButton).toBe('Save email');
    expect(waitReasonText('offline', 'fr-CA')).toMatch(/hors ligne/);
  });
  it('the reason alone (under a "Waiting" title) does not say "Waiting" again, in either language', () => {
    for (const locale of ['en', 'fr']) {
      const title = workspaceStrings(locale).waiting;
      for (const reason of ['bad_oauth_token', 'offline', 'rate_limited', 'transient', 'timeout', 'unknown', 'signed_out', 'other_identity'] as const) {
        const detail = waitReasonDetail(reason, locale);
        expect(detail.toLowerCase(), `${locale} ${reason}`).not.toContain(title.toLowerCase());
        expect(waitReasonText(reason, locale).toLowerCase(), `${locale} ${reason}`).toContain(detail.slice(1).toLowerCase());
      }
    }
  });
});
