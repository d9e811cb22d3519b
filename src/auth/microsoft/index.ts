export { createMicrosoftAuth, NESTED_APP_AUTH_REQUIREMENT } from './microsoft-auth';
export type { FlagStorage, MicrosoftAuth, MicrosoftAuthDeps, MicrosoftAuthDiagnostics, MsalModule } from './microsoft-auth';
export type { MicrosoftAccount, MicrosoftAuthFailure, MicrosoftAuthFailureKind, MicrosoftAuthState, MicrosoftAuthVia } from './microsoft-auth-state';
export { microsoftAccountKey } from './microsoft-account-key';
export { mapMsalError } from './map-msal-error';
