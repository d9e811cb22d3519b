/**
 * What the token endpoint's answer to a made-up code says about the External Client App, with no secret and nothing
 * that could sign anyone in: `invalid_client_id` (or `app_not_found`: the External Client App is not installed) means
 * Salesforce does not know the consumer key; `invalid_client` "invalid client credentials" means the app requires a
 * secret for the web server flow, which an add-in cannot keep (forcedotcom/SalesforceMobileSDK-iOS#3633); the
 * expected `invalid_grant` means the app is known and takes a public client's exchange. Which of client and code
 * Salesforce checks first is not documented; the emulator checks the client first (RFC 6749 §5.2, inferred).
 */
import { oauthErrorCode, type ProbeAnswer } from './probe-answer';
import type { SetupFinding } from './setup-check-result';

const UNKNOWN_CLIENT = new Set(['invalid_client_id', 'app_not_found', 'oauth_ec_app_not_found']);

export interface TokenProbeContext {
  clientId: string;
  /** A seller is signed in through this app: the exchange worked, so the app exists and took no secret. */
  signedIn: boolean;
}

export function decideTokenClient(answer: ProbeAnswer, context: TokenProbeContext): [SetupFinding, SetupFinding] {
  const values = { clientId: context.clientId };
  if (answer.kind === 'network_error') {
    if (context.signedIn) {
      return [
        { id: 'client-id', status: 'ok', finding: 'signed_in_through_it', values },
        { id: 'client-secret', status: 'ok', finding: 'signed_in_through_it', values },
      ];
    }
    return [
      { id: 'client-id', status: 'unknown', finding: 'not_checked', values },
      { id: 'client-secret', status: 'unknown', finding: 'not_checked', values },
    ];
  }
  const code = oauthErrorCode(answer);
  if (code !== undefined && UNKNOWN_CLIENT.has(code)) {
    return [
      { id: 'client-id', status: 'problem', finding: 'client_unknown', values, reason: 'invalid_client' },
      { id: 'client-secret', status: 'unknown', finding: 'not_checked', values },
    ];
  }
  if (code === 'invalid_client') {
    return [
      { id: 'client-id', status: 'ok', finding: 'client_known', values },
      { id: 'client-secret', status: 'problem', finding: 'secret_required', values, reason: 'invalid_client' },
    ];
  }
  if (code === 'invalid_grant') {
    return [
      { id: 'client-id', status: 'ok', finding: 'client_known', values },
      { id: 'client-secret', status: 'ok', finding: 'no_secret', values },
    ];
  }
  const detail = `HTTP ${answer.status}${code ? ` ${code}` : ''}`;
  return [
    { id: 'client-id', status: 'unknown', finding: 'unexpected_answer', values: { ...values, detail } },
    { id: 'client-secret', status: 'unknown', finding: 'unexpected_answer', values: { ...values, detail } },
  ];
}
