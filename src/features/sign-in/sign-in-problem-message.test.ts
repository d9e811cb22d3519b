import { describe, expect, it } from 'vitest';
import { signInProblemMessage } from './sign-in-problem-message';

describe('signInProblemMessage', () => {
  it.each([12002, 12003, 12004, 12005, 12007, 12009, 12011, 0, 12999])('gives dialog error %i its own clear message in en and fr', (code) => {
    const en = signInProblemMessage({ status: 'dialog_failed', code, message: '' }, 'en-US');
    const fr = signInProblemMessage({ status: 'dialog_failed', code, message: '' }, 'fr-FR');
    expect(en.title).toBeTruthy();
    expect(en.body.length).toBeGreaterThan(20);
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
    const denied = signInProblemMessage({ status: 'failed', failure: { kind: 'reauth_required', connectionLost: false, retryable: false, code: 'access_denied', reason: 'access_denied' } }, 'en');
    const blocked = signInProblemMessage({ status: 'failed', failure: { kind: 'admin_action_required', connectionLost: false, retryable: false, code: 'OAUTH_APP_BLOCKED', reason: 'app_blocked' } }, 'en');
    expect(denied.body).not.toBe(blocked.body);
    expect(blocked.intent).toBe('error');
  });

  it('explains an answer that could not be verified', () => {
    expect(signInProblemMessage({ status: 'rejected', reason: 'state_mismatch' }, 'en').body).toMatch(/could not be verified/);
  });
});
