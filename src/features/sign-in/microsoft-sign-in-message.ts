/**
 * What the seller reads for each way Microsoft sign-in can fail. One table, so every failure kind has a message and
 * a test walks them all. Cancelled is information, not an error.
 */
import type { MicrosoftAuthFailure } from '../../auth/microsoft';
import { format, type ShellStrings } from '../../i18n/strings';

export interface MicrosoftSignInMessage {
  intent: 'info' | 'warning' | 'error';
  title: string;
  body: string;
  steps?: string[];
}

export function microsoftSignInMessage(failure: MicrosoftAuthFailure, s: ShellStrings): MicrosoftSignInMessage {
  switch (failure.kind) {
    case 'interaction_required':
      return { intent: 'warning', title: s.microsoftInteractionRequiredTitle, body: s.microsoftInteractionRequired };
    case 'popup_blocked':
      return {
        intent: 'warning',
        title: s.microsoftPopupBlockedTitle,
        body: s.microsoftPopupBlocked,
        steps: [s.microsoftPopupBlockedStep1, s.microsoftPopupBlockedStep2, s.microsoftPopupBlockedStep3],
      };
    case 'cancelled':
      return { intent: 'info', title: s.microsoftCancelledTitle, body: s.microsoftCancelled };
    case 'offline':
      return { intent: 'warning', title: s.microsoftOfflineTitle, body: s.microsoftOffline };
    case 'timeout':
      return { intent: 'warning', title: s.microsoftTimeoutTitle, body: s.microsoftTimeout };
    case 'error':
      return { intent: 'error', title: s.microsoftErrorTitle, body: format(s.microsoftError, { code: failure.code }) };
  }
}
