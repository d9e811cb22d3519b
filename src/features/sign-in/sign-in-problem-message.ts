/**
 * What the seller reads when a sign-in did not complete: every Office dialog error and every Salesforce refusal gets
 * its own title, text and, where the seller can fix it, steps. Pure, so each code is unit-tested.
 */
import type { SignInProblem } from '../../auth/auth-controller';
import { failureMessage } from '../../i18n/failure-messages';
import { format, resolveLocale, shellStrings } from '../../i18n/strings';
import type { ClassifiedFailure } from '../../salesforce/failure-kinds';

export interface SignInProblemMessage {
  title: string;
  body: string;
  steps?: string[];
  /** admin_action_required etc.: the seller cannot fix it by trying again. */
  intent: 'error' | 'warning';
}

export function failureProblemMessage(failure: ClassifiedFailure, locale: string): SignInProblemMessage {
  const message = failureMessage(failure, locale);
  // A sign-in (or a start-up restore) that failed is not retried by itself, whatever the kind's own text promises.
  const s = shellStrings(locale);
  const action = failure.kind === 'offline' ? s.signInTryAgainOnline : failure.retryable ? s.signInTryAgainSoon : message.action;
  return { title: message.title, body: `${message.explanation} ${action}`.trim(), intent: failure.kind === 'admin_action_required' ? 'error' : 'warning' };
}

/** Sign-in reasons an admin fixes in the org's set-up: My Domain, CORS for OAuth endpoints, the CORS allowlist. */
const SETUP_REASONS: ReadonlySet<string> = new Set(['my_domain_required', 'oauth_cors_blocked']);

function setupMessage(problem: Extract<SignInProblem, { status: 'failed' }>, locale: string): SignInProblemMessage {
  const s = shellStrings(locale);
  const message = failureMessage(problem.failure, locale);
  const origin = problem.appOrigin ?? (resolveLocale(locale) === 'fr' ? 'l’adresse du complément' : 'the add-in’s address');
  return {
    title: message.title,
    body: `${message.explanation} ${s.setupStepsLead}`,
    steps: [
      problem.loginUrl ? `${s.setupStepMyDomain} ${format(s.setupStepMyDomainNow, { loginUrl: problem.loginUrl })}` : s.setupStepMyDomain,
      s.setupStepCorsOAuth,
      format(s.setupStepAllowlist, { origin }),
    ],
    intent: 'error',
  };
}

/** A Salesforce address the add-in refused (src/auth/salesforce-hosts.ts): which one, and the two ways to fix it. */
function hostRefusedMessage(problem: Extract<SignInProblem, { status: 'failed' }>, locale: string): SignInProblemMessage {
  const s = shellStrings(locale);
  const message = failureMessage(problem.failure, locale);
  return {
    title: message.title,
    body: `${message.explanation} ${s.setupStepsLead}`,
    steps: [...(problem.refusedHost ? [format(s.setupStepHostRefused, { host: problem.refusedHost })] : []), s.setupStepHostFix],
    intent: 'error',
  };
}

export function signInProblemMessage(problem: SignInProblem, locale: string): SignInProblemMessage {
  const s = shellStrings(locale);
  if (problem.status === 'failed' && problem.failure.reason === 'salesforce_host_refused') return hostRefusedMessage(problem, locale);
  if (problem.status === 'failed') {
    return problem.failure.reason && SETUP_REASONS.has(problem.failure.reason) ? setupMessage(problem, locale) : failureProblemMessage(problem.failure, locale);
  }
  if (problem.status === 'rejected') return { title: s.signInFailedTitle, body: s.signInRejected, intent: 'error' };
  switch (problem.code) {
    case 12002:
      return { title: s.signInFailedTitle, body: s.dialogPageNotFound, intent: 'error' };
    case 12003:
    case 12005:
      return { title: s.signInFailedTitle, body: s.dialogHttps, intent: 'error' };
    case 12004:
      return { title: s.signInFailedTitle, body: s.dialogDomainNotTrusted, intent: 'error' };
    case 12007:
      return { title: s.signInFailedTitle, body: s.dialogAlreadyOpen, intent: 'warning' };
    case 12009:
      return { title: s.dialogPromptIgnoredTitle, body: s.dialogPromptIgnored, intent: 'warning' };
    case 12011:
      return { title: s.popupBlockedTitle, body: s.popupBlocked, steps: [s.popupBlockedStep1, s.popupBlockedStep2, s.popupBlockedStep3], intent: 'warning' };
    default:
      return { title: s.signInFailedTitle, body: format(s.dialogOther, { code: problem.code }), intent: 'error' };
  }
}
