import { describe, expect, it } from 'vitest';
import type { MicrosoftAuthFailureKind } from '../../auth/microsoft';
import { SHELL_STRINGS } from '../../i18n/strings';
import { microsoftSignInMessage } from './microsoft-sign-in-message';

const KINDS: MicrosoftAuthFailureKind[] = ['interaction_required', 'popup_blocked', 'cancelled', 'offline', 'timeout', 'error'];

describe('microsoftSignInMessage', () => {
  it.each(Object.entries(SHELL_STRINGS))('gives every failure kind its own title and body (%s)', (_locale, strings) => {
    const titles = KINDS.map((kind) => microsoftSignInMessage({ kind, code: 'some_code' }, strings).title);
    for (const kind of KINDS) {
      const message = microsoftSignInMessage({ kind, code: 'some_code' }, strings);
      expect(message.title.length, kind).toBeGreaterThan(0);
      expect(message.body.length, kind).toBeGreaterThan(0);
    }
    // popup_blocked reuses no other kind's title; each kind is told apart.
    expect(new Set(titles).size).toBe(KINDS.length);
  });

  it('tells how to allow pop-ups when the window was blocked', () => {
    const message = microsoftSignInMessage({ kind: 'popup_blocked', code: 'popup_window_error' }, SHELL_STRINGS.en);
    expect(message.steps).toHaveLength(3);
    expect(message.steps?.[2]).toMatch(/Sign in with Microsoft/);
  });

  it('treats a closed window as information, and names the code of an unknown error (never a message or token)', () => {
    expect(microsoftSignInMessage({ kind: 'cancelled', code: 'user_cancelled' }, SHELL_STRINGS.en).intent).toBe('info');
    const error = microsoftSignInMessage({ kind: 'error', code: 'invalid_grant' }, SHELL_STRINGS.fr);
    expect(error.intent).toBe('error');
    expect(error.body).toContain('invalid_grant');
  });
});
