import { describe, expect, it } from 'vitest';
import { classifySalesforceError } from '../salesforce/classify-salesforce-error';
import { OWN_CASES } from '../salesforce/classify-salesforce-error.cases';
import { FAILURE_KINDS, FAILURE_REASONS } from '../salesforce/failure-kinds';
import { FAILURE_LOCALES, FAILURE_REASONS_WITH_MESSAGES, failureLocale, failureMessage, type FailureMessage } from './failure-messages';

describe('failureMessage', () => {
  for (const locale of ['en', 'fr'] as const) {
    it.each(FAILURE_KINDS)(`${locale}: %s has a title, an explanation and what to do`, (kind) => {
      const message = failureMessage({ kind }, locale);
      expect(message.title.trim()).not.toBe('');
      expect(message.explanation.trim()).not.toBe('');
      expect(message.action.trim()).not.toBe('');
    });
  }

  it('French is not English', () => {
    for (const kind of FAILURE_KINDS) expect(failureMessage({ kind }, 'fr-FR').title).not.toBe(failureMessage({ kind }, 'en-US').title);
  });

  it('falls back to English for a locale without a catalogue', () => {
    expect(failureLocale('de-DE')).toBe('en');
    expect(failureLocale(undefined)).toBe('en');
    expect(failureLocale('FR_ca')).toBe('fr');
    expect(failureMessage({ kind: 'offline' }, 'ja-JP')).toEqual(failureMessage({ kind: 'offline' }, 'en'));
  });

  it('admin cases say what to ask the Salesforce admin for', () => {
    expect(failureMessage({ kind: 'admin_action_required' }, 'en').action).toMatch(/^Ask your Salesforce admin to /);
    for (const reason of [
      'inactive_user',
      'ip_restricted',
      'app_blocked',
      'api_disabled',
      'invalid_client',
      'inactive_org',
      'storage_full',
      'api_session_not_allowed',
      'my_domain_required',
      'oauth_cors_blocked',
      'salesforce_host_refused',
    ]) {
      expect(failureMessage({ kind: 'admin_action_required', reason }, 'en').action, reason).toMatch(/^Ask your Salesforce admin to /);
      expect(failureMessage({ kind: 'admin_action_required', reason }, 'fr').action, reason).toMatch(/^Demandez à votre administrateur Salesforce /);
    }
  });

  it('every reason the classifier gives to an admin or sign-in case has its own message', () => {
    const reasons = new Set<string>();
    for (const c of OWN_CASES) {
      const failure = classifySalesforceError({ status: c.status, headers: c.headers, body: c.body }, { phase: c.phase });
      if (failure.reason && (failure.kind === 'admin_action_required' || failure.kind === 'reauth_required')) reasons.add(failure.reason);
    }
    expect(reasons.size).toBeGreaterThan(5);
    for (const reason of reasons) expect(FAILURE_REASONS_WITH_MESSAGES).toContain(reason);
  });

  it('an unknown reason falls back to the kind', () => {
    expect(failureMessage({ kind: 'transient', reason: 'refresh_in_progress' }, 'en')).toEqual(failureMessage({ kind: 'transient' }, 'en'));
  });
});

describe('the message table, walked whole', () => {
  const nonEmpty = (message: FailureMessage) => {
    expect(message.title.trim()).not.toBe('');
    expect(message.explanation.trim()).not.toBe('');
    expect(message.action.trim()).not.toBe('');
  };

  it('is written in English and French', () => {
    expect([...FAILURE_LOCALES].sort()).toEqual(['en', 'fr']);
  });

  for (const locale of FAILURE_LOCALES) {
    it.each(FAILURE_KINDS)(`${locale}: kind %s has its message`, (kind) => {
      nonEmpty(failureMessage({ kind }, locale));
    });

    it.each(FAILURE_REASONS)(`${locale}: reason %s has its own message or, by choice in every language, the kind's`, (reason) => {
      for (const kind of FAILURE_KINDS) {
        const message = failureMessage({ kind, reason }, locale);
        nonEmpty(message);
        if (FAILURE_REASONS_WITH_MESSAGES.includes(reason)) expect(message).not.toEqual(failureMessage({ kind }, locale));
        else expect(message).toEqual(failureMessage({ kind }, locale));
      }
    });
  }

  it('a reason with its own message reads differently in French', () => {
    for (const reason of FAILURE_REASONS_WITH_MESSAGES) {
      expect(failureMessage({ kind: 'unknown', reason }, 'fr').title, reason).not.toBe(failureMessage({ kind: 'unknown', reason }, 'en').title);
    }
  });

  it('a reason from another build falls back to the kind', () => {
    expect(failureMessage({ kind: 'validation', reason: 'from_a_newer_build' }, 'en')).toEqual(failureMessage({ kind: 'validation' }, 'en'));
    expect(failureMessage({ kind: 'validation', reason: 'toString' }, 'fr')).toEqual(failureMessage({ kind: 'validation' }, 'fr'));
  });
});
