import { describe, expect, it } from 'vitest';
import { classifySalesforceError } from '../../salesforce/classify-salesforce-error';
import { hostRefusedFailure } from '../../auth/salesforce-hosts';
import { myDomainRequiredFailure } from '../../auth/salesforce-sign-in';
import { signInProblemMessage } from './sign-in-problem-message';

describe('signInProblemMessage', () => {
  it.each([12002, 12003, 12004, 12005, 12007, 12009, 12011, 0, 12999])('gives dialog error %i its own clear message in en and fr', (code) => {
    const en = signInProblemMessage({ status: 'dialog_failed', code, message: '' }, 'en-US');
    const fr = signInProblemMessage({ status: 'dialog_failed', code, message: '' }, 'fr-FR');
    expect(en.title).toBeTruthy();
    expect(en.body.length).toBeGreaterThan(20);
    expect(fr.body).not.toBe(en.body);
  });

  it('a refused Salesforce address: names it, and says how an admin fixes it, in en and fr', () => {
    const failure = hostRefusedFailure({ ok: false, refusal: 'not_salesforce', host: 'evil.example' }, 'instance');
    const en = signInProblemMessage({ status: 'failed', failure, loginUrl: 'https://acme.my.salesforce.com', refusedHost: 'evil.example' }, 'en-US');
    const fr = signInProblemMessage({ status: 'failed', failure, loginUrl: 'https://acme.my.salesforce.com', refusedHost: 'evil.example' }, 'fr-FR');
    expect(en.title).toMatch(/doesn’t trust this Salesforce address/);
    expect(en.intent).toBe('error');
    expect(en.steps?.[0]).toContain('evil.example');
    expect(en.steps?.join(' ')).toMatch(/My Domain.*salesforce\.customDomains/);
    expect(fr.title).toMatch(/ne fait pas confiance/);
    expect(fr.steps?.[0]).toContain('evil.example');
    expect(fr.body).not.toBe(en.body);
  });

  it('tells how to allow pop-ups when they are blocked', () => {
    const m = signInProblemMessage({ status: 'dialog_failed', code: 12011, message: '' }, 'en');
    expect(m.title).toMatch(/pop-ups/i);
    expect(m.steps?.join(' ')).toMatch(/allow pop-ups/i);
  });

  it('tells the seller to click again after ignoring the prompt', () => {
    expect(signInProblemMessage({ status: 'dialog_failed', code: 12009, message: '' }, 'en').body).toMatch(/click the button again/i);
  });

  it('distinguishes the dialog codes', () => {
    const bodies = new Set([12002, 12003, 12004, 12007, 12009, 12011].map((code) => signInProblemMessage({ status: 'dialog_failed', code, message: '' }, 'en').body));
    expect(bodies.size).toBe(6);
  });

  it('uses the failure texts for Salesforce refusals', () => {
    const denied = signInProblemMessage(
      { status: 'failed', failure: { kind: 'reauth_required', connectionLost: false, retryable: false, code: 'access_denied', reason: 'access_denied' } },
      'en',
    );
    const blocked = signInProblemMessage(
      { status: 'failed', failure: { kind: 'admin_action_required', connectionLost: false, retryable: false, code: 'OAUTH_APP_BLOCKED', reason: 'app_blocked' } },
      'en',
    );
    expect(denied.body).not.toBe(blocked.body);
    expect(blocked.intent).toBe('error');
  });

  it.each(['transient', 'timeout', 'offline'] as const)('a %s sign-in never promises an automatic retry (nothing retries a sign-in)', (kind) => {
    for (const locale of ['en', 'fr']) {
      const m = signInProblemMessage({ status: 'failed', failure: { kind, connectionLost: false, retryable: true, reason: 'not_salesforce_json' } }, locale);
      expect(m.body, locale).not.toMatch(/automatically|automatiquement|We’ll retry|Nous allons réessayer|We’ll continue|Nous reprendrons/);
      expect(m.body, locale).toMatch(/sign(ing)? in again|connecter|Reconnectez/i);
    }
  });

  it('explains an answer that could not be verified', () => {
    expect(signInProblemMessage({ status: 'rejected', reason: 'state_mismatch' }, 'en').body).toMatch(/could not be verified/);
  });

  describe('a login host whose token endpoint cannot answer the pane', () => {
    const corsBlocked = {
      status: 'failed' as const,
      // What a browser sees when the token endpoint answers without CORS: a fetch TypeError while online.
      failure: classifySalesforceError(new TypeError('Failed to fetch'), { phase: 'token_exchange', online: true }),
      loginUrl: 'https://acme.my.salesforce.com',
      appOrigin: 'https://addin.example',
    };
    const genericHost = {
      status: 'failed' as const,
      failure: myDomainRequiredFailure('https://login.salesforce.com'),
      loginUrl: 'https://login.salesforce.com',
      appOrigin: 'https://addin.example',
    };

    it.each([
      ['a CORS-refused code exchange', corsBlocked],
      ['a generic login host', genericHost],
    ])('%s: a set-up message naming My Domain, CORS for OAuth endpoints and the allowlist with the origin, never a generic failure', (_, problem) => {
      for (const locale of ['en', 'fr']) {
        const m = signInProblemMessage(problem, locale);
        const all = [m.title, m.body, ...(m.steps ?? [])].join(' ');
        expect(all).not.toMatch(/Something went wrong|Une erreur s’est produite|unexpectedly|inattendue/i);
        expect(all, locale).toMatch(/My Domain/);
        expect(all, locale).toContain('Enable CORS for OAuth endpoints');
        expect(all, locale).toMatch(/(Setup|Configuration) → CORS/);
        expect(m.steps?.[2], locale).toContain('https://addin.example');
        expect(m.steps?.[0], locale).toContain(problem.loginUrl);
        expect(m.intent).toBe('error');
      }
      expect(signInProblemMessage(problem, 'fr').body).not.toBe(signInProblemMessage(problem, 'en').body);
    });

    it('tells a generic login host apart from a CORS refusal', () => {
      expect(signInProblemMessage(genericHost, 'en').title).toMatch(/My Domain/);
      expect(signInProblemMessage(genericHost, 'en').body).toMatch(/login\.salesforce\.com/);
      expect(signInProblemMessage(corsBlocked, 'en').title).not.toBe(signInProblemMessage(genericHost, 'en').title);
    });

    it('still names the allowlist without an origin', () => {
      const m = signInProblemMessage({ status: 'failed', failure: corsBlocked.failure }, 'en');
      expect(m.steps?.[2]).toMatch(/add the add-in’s address to the CORS allowlist/);
      expect(m.steps?.[0]).not.toMatch(/It is now/);
    });
  });
});
