import { describe, expect, it } from 'vitest';
import { SETUP_CHECK_IDS, SETUP_FINDINGS } from '../../auth/setup-check/setup-check-result';
import { SETUP_CHECK_STRINGS } from '../../i18n/setup-check-strings';
import { describeFinding } from './describe-setup-finding';

const context = { origin: 'https://addin.contoso.com', redirectUri: 'https://addin.contoso.com/auth-callback.html', clientId: 'key' };
const values = { host: 'acme.my.salesforce.com', origin: context.origin, clientId: 'key', redirectUri: context.redirectUri, scopes: 'api refresh_token', detail: 'HTTP 500' };

describe('describeFinding', () => {
  it.each(['en', 'fr'] as const)('%s: has the words of every check and every finding, and nothing else', (locale) => {
    const words = SETUP_CHECK_STRINGS[locale];
    expect(Object.keys(words.titles).sort()).toEqual([...SETUP_CHECK_IDS].sort());
    expect(Object.keys(words.fixes).sort()).toEqual([...SETUP_CHECK_IDS].sort());
    expect(Object.keys(words.findings).sort()).toEqual([...SETUP_FINDINGS].sort());
  });

  it.each(['en', 'fr'] as const)('%s: every finding of every check reads with no placeholder left', (locale) => {
    for (const id of SETUP_CHECK_IDS) {
      for (const finding of SETUP_FINDINGS) {
        const result = describeFinding({ id, status: 'unknown', finding, values }, locale, context);
        expect(`${result.title} ${result.what} ${result.fix}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('names the app when the admin gives its name, and a neutral phrase otherwise', () => {
    const finding = { id: 'pkce', status: 'problem', finding: 'pkce_not_required' } as const;
    expect(describeFinding(finding, 'en', { app: 'Outlook Add-in' }).fix).toContain('External Client App Manager › Outlook Add-in › Settings');
    expect(describeFinding(finding, 'fr').fix).toContain(SETUP_CHECK_STRINGS.fr.defaultApp);
  });

  it('puts the origin the admin must allowlist in the fix', () => {
    expect(describeFinding({ id: 'cors-allowlist', status: 'problem', finding: 'origin_not_allowed' }, 'en', context).fix).toBe(
      'Setup › CORS › Allowed Origins List › New: add https://addin.contoso.com',
    );
  });
});
