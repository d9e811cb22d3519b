/**
 * One name for the seller's Salesforce org in every message: waiting messages said "your org" while error messages
 * said "your organization". Sellers say "Salesforce org"; French says "organisation Salesforce".
 */
import { describe, expect, it } from 'vitest';
import { FAILURE_KINDS } from '../salesforce/failure-kinds';
import type { OutboxWaitReason } from '../salesforce/outbox/outbox';
import { FAILURE_REASONS_WITH_MESSAGES, failureMessage } from './failure-messages';
import { SHELL_STRINGS } from './strings';
import { WORKSPACE_STRINGS, waitReasonDetail, waitReasonText } from './workspace-strings';

const WAIT_REASONS: OutboxWaitReason[] = ['bad_oauth_token', 'session_expired', 'offline', 'rate_limited', 'transient', 'timeout', 'unknown', 'signed_out', 'other_identity'];

function everyString(locale: 'en' | 'fr'): string[] {
  const texts: string[] = [...Object.values(SHELL_STRINGS[locale]), ...Object.values(WORKSPACE_STRINGS[locale])].filter((v): v is string => typeof v === 'string');
  for (const reason of WAIT_REASONS) texts.push(waitReasonText(reason, locale), waitReasonDetail(reason, locale));
  const messages = [
    ...FAILURE_KINDS.map((kind) => failureMessage({ kind }, locale)),
    ...FAILURE_REASONS_WITH_MESSAGES.map((reason) => failureMessage({ kind: 'admin_action_required', reason }, locale)),
  ];
  for (const m of messages) texts.push(...Object.values(m).filter((v): v is string => typeof v === 'string'));
  return texts;
}

describe('the org is named the same way everywhere', () => {
  it('English says "your Salesforce org", never "organization" nor a bare "your org"', () => {
    const texts = everyString('en');
    expect(texts.filter((t) => /Salesforce org\b/.test(t)).length).toBeGreaterThan(5);
    for (const text of texts) {
      expect(text, text).not.toMatch(/organi[sz]ation/i);
      expect(text, text).not.toMatch(/\byour org\b/i);
    }
  });
  it('French says "votre organisation Salesforce", never the organisation alone', () => {
    const texts = everyString('fr');
    expect(texts.filter((t) => /organisation Salesforce/.test(t)).length).toBeGreaterThan(5);
    for (const text of texts) {
      for (const match of text.matchAll(/organisation(?! Salesforce)/gi)) {
        // The details label "Organisation: 00D…" names the field, not the org in a sentence.
        expect(text, text).toBe('Organisation');
        expect(match.index).toBe(0);
      }
    }
  });
});
