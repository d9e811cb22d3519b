import type { MicrosoftAuthFailure, MicrosoftAuthFailureKind } from './microsoft-auth-state';
import { CancelledCodes, InteractionRequiredCodes, LocalCodes, OfflineCodes, PopupBlockedCodes, TimeoutCodes } from './msal-error-codes';

const byCode = new Map<string, MicrosoftAuthFailureKind>([
  ...InteractionRequiredCodes.map((code) => [code, 'interaction_required'] as const),
  ...PopupBlockedCodes.map((code) => [code, 'popup_blocked'] as const),
  ...CancelledCodes.map((code) => [code, 'cancelled'] as const),
  ...OfflineCodes.map((code) => [code, 'offline'] as const),
  ...TimeoutCodes.map((code) => [code, 'timeout'] as const),
]);

function field(error: unknown, name: string): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Maps anything MSAL (or the NAA host through MSAL) throws to one failure kind, by error code, never by message
 * text: messages change between versions and carry server text. One decision point, like MSAL's own
 * `isInteractionRequiredError`.
 */
export function mapMsalError(error: unknown): MicrosoftAuthFailure {
  const code = field(error, 'errorCode') ?? LocalCodes.unknown;
  const subError = field(error, 'subError');
  // MSAL raises InteractionRequiredAuthError for server answers (invalid_grant + a sub-error, or any code the
  // server sent); its class name is the contract, the code alone is not.
  if (field(error, 'name') === 'InteractionRequiredAuthError') return { kind: 'interaction_required', code };
  const kind = byCode.get(code) ?? (subError ? byCode.get(subError) : undefined) ?? 'error';
  return { kind, code };
}
