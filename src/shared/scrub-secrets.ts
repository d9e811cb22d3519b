/**
 * Removes anything that could be a credential from text that will be shown, copied or reported (Salesforce's own
 * error text, support details, debug log lines). One function for the whole app, so the classifier, the banner and
 * the logger can never disagree about what counts as a secret.
 */
const REDACTED = '[redacted]';

// snake_case as OAuth sends them, camelCase as the add-in's own objects name them (a logged object, a stored session).
const CREDENTIAL_FIELDS = 'access_?token|refresh_?token|id_?token|code_?verifier|client_?secret|code|token|sid|password|assertion';

const mixed = (text: string) => /[0-9]/.test(text) && /[A-Za-z]/.test(text);
const hostLike = (text: string) => /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(text);

export function scrubSecrets(text: string): string {
  return (
    text
      // Salesforce session ids / access tokens: "00D<org id>!<opaque>".
      .replace(/00D[A-Za-z0-9]{12,15}![A-Za-z0-9._~+/=-]+/g, REDACTED)
      .replace(/\b(Bearer|OAuth)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`)
      // form/query and JSON forms of credential fields.
      .replace(new RegExp(`\\b(${CREDENTIAL_FIELDS})=([^&\\s"']+)`, 'gi'), `$1=${REDACTED}`)
      .replace(new RegExp(`("(?:${CREDENTIAL_FIELDS})"\\s*:\\s*")([^"]*)"`, 'gi'), `$1${REDACTED}"`)
      // JWTs and other long opaque strings (Salesforce ids are 15/18 characters and stay readable).
      .replace(/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*)?/g, REDACTED)
      .replace(/[A-Za-z0-9._~+=!-]{32,}/g, (run) => (mixed(run) && !/^[a-z0-9.-]+\.[a-z]{2,}(\/|$)/i.test(run) ? REDACTED : run))
      // Base64 refresh tokens may hold "/": a long mixed segment between slashes is a secret, a URL's path is not.
      .replace(/[A-Za-z0-9+/=._~-]{40,}/g, (run) => (run.split('/').some((segment) => segment.length >= 24 && mixed(segment) && !hostLike(segment)) ? REDACTED : run))
  );
}

/**
 * Cut at `max`, dropping the word the cut went through: half a token is shorter than the scrubber's patterns for
 * opaque runs, so it must not survive as the text's last word. Scrub first, then cut: a cut made first can split a
 * token out of the shape the scrubber knows.
 */
export function cutAtWord(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max).replace(/[A-Za-z0-9._~+/=!%-]+$/, '')}…`;
}
