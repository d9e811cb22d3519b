/** Org and connected-app policies the emulator enforces. All durations in milliseconds. */

/** How long a refresh token lives: until revoked, a fixed time after the grant, or until unused for a while. */
export type RefreshTokenPolicy = 'until_revoked' | { expireAfterMs: number } | { idleMs: number };

export interface EmulatorPolicy {
  /** Session timeout: lifetime of an access token. Salesforce default 2 hours. */
  accessTokenTtlMs: number;
  refreshTokenPolicy: RefreshTokenPolicy;
  /** Refresh token rotation: each refresh returns a new refresh token; reusing an old one revokes the whole grant. */
  rotation: boolean;
  /** How long the token endpoint takes for a refresh_token grant; a second refresh with the same token inside
   * this window is answered `invalid_grant` "token request is already being processed". */
  refreshProcessingMs: number;
  /** Grants (refresh tokens) per user and app; the oldest is revoked when a new one exceeds it. */
  maxGrantsPerUser: number;
  /** Authorization code lifetime (Salesforce: 15 minutes). */
  authCodeTtlMs: number;
  /** Whether the app requires PKCE (External Client Apps do by default). */
  requirePkce: boolean;
  /** DailyApiRequests Max. */
  dailyApiLimit: number;
  /** Setup › CORS › "Enable CORS for OAuth endpoints": token, revoke, introspect and authorize on My Domain answer
   * CORS for allowlisted origins. Off: their answers and preflights carry no CORS headers (a browser sees a network
   * error). Default on for the demo. */
  corsForOAuthEndpoints: boolean;
  /** The External Client App's selected OAuth scopes. An authorize request for any other scope ends on Salesforce's
   * error page (invalid_scope). `refresh_token` and `offline_access` name the same scope. */
  appScopes: string[];
  /** Setup › CORS › Allowed Origins List. null: the origins the emulator was started with (`allowedOrigins`). */
  corsAllowlist: string[] | null;
  /** The External Client App's callback URLs. null: those the emulator was started with (`redirectUris`, and
   * `<allowed origin>/auth-callback.html` for each started origin). */
  callbackUrls: string[] | null;
  /** The app's "Require secret for Web Server Flow": a code exchange without `client_secret` is refused with
   * `invalid_client` "invalid client credentials", before the code is looked at. Default off (a public client). */
  requireSecretForWebServerFlow: boolean;
  /** Users (usernames) whose profile lacks "API Enabled": every REST call of theirs answers 403 API_DISABLED_FOR_ORG. */
  apiDisabledUsers: string[];
  /** Setup › Enhanced Email. Off: EmailMessage is not in the org (describe 404, SOQL INVALID_TYPE). Default on. */
  enhancedEmail: boolean;
  /** Setup › Activity Settings › Shared Activities. Off: TaskRelation is not in the org. Default on. */
  sharedActivities: boolean;
  /**
   * Field-level security beyond the default (every user reads and edits every field): `access: 'none'` hides the
   * field from that user (describe leaves it out, SOQL and REST treat it as no such column), `'read'` makes it
   * read-only for them (describe: createable and updateable false). `field` is `Object.Field`.
   */
  fieldPermissions: Array<{ username: string; field: string; access: 'none' | 'read' }>;
  /** Setup › Company Information › Currencies: multi-currency on adds CurrencyIsoCode to Account, Contact, Lead,
   * Opportunity and Project__c (describe, SOQL, records). Off (default): no such column. Cannot be turned off in a
   * real org once on; here reset() does. */
  multiCurrency: boolean;
  /**
   * Record types a user's profile (and permission sets) may use, per object, by developer name, and their default
   * for new records. An object or user not listed: every record type of the object, the first one the default.
   */
  recordTypeAccess: Array<{ username: string; sobject: string; recordTypes: string[]; defaultRecordType?: string }>;
}

export const DEFAULT_POLICY: EmulatorPolicy = {
  accessTokenTtlMs: 2 * 60 * 60 * 1000,
  refreshTokenPolicy: 'until_revoked',
  rotation: false,
  refreshProcessingMs: 40,
  maxGrantsPerUser: 5,
  authCodeTtlMs: 15 * 60 * 1000,
  requirePkce: true,
  dailyApiLimit: 100_000,
  corsForOAuthEndpoints: true,
  appScopes: ['api', 'refresh_token'],
  corsAllowlist: null,
  callbackUrls: null,
  requireSecretForWebServerFlow: false,
  apiDisabledUsers: [],
  enhancedEmail: true,
  sharedActivities: true,
  fieldPermissions: [],
  multiCurrency: false,
  recordTypeAccess: [],
};

export function mergePolicy(base: EmulatorPolicy, patch: Partial<EmulatorPolicy> | undefined): EmulatorPolicy {
  if (!patch) return { ...base };
  const merged: EmulatorPolicy = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && key in base) (merged as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
  }
  return merged;
}
