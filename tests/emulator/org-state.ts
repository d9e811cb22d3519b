/**
 * Everything one running emulator knows: configuration, policy, users, records, tokens and the faults the
 * controls have armed. Handlers read and change it; nothing else holds state.
 */
import { DEFAULT_POLICY, mergePolicy, type EmulatorPolicy } from './policy';
import { RecordStore } from './record-store';
import { DEMO_ORG, DEMO_SEED, type EmulatorSeed, type SeedUser } from './seed';
import { createIdTokenKeys, type IdTokenKeys } from './oauth/id-token';
import { TokenStore } from './oauth/token-store';

export interface FailRule {
  remaining: number;
  /** Undefined: the org's real answer, changed only by withoutCors / cutOffAfterBytes. */
  status?: number;
  body: string;
  headers: Record<string, string>;
  pathPrefix?: string;
  /** Answer with no CORS headers at all (a gateway in front of the org), so a browser sees a network error. */
  withoutCors?: boolean;
  /** Send the headers and this many bytes of the body, then destroy the socket. */
  cutOffAfterBytes?: number;
  /** Salesforce's own answer (JSON or text): REST ones carry Sforce-Limit-Info. Presets are not. */
  fromOrg: boolean;
}

export interface HangRule {
  remaining: number;
  pathPrefix?: string;
  /** Carry the request out (commit a write), then hold the answer. */
  afterCommit?: boolean;
}

export interface LogEntry {
  at: string;
  method: string;
  /** Path only: query strings can carry tokens (identity URL's oauth_token) and are never logged. */
  path: string;
  area: 'oauth' | 'rest' | 'identity';
  status: number;
  username?: string;
  /** For the token endpoint: authorization_code or refresh_token. */
  grantType?: string;
}

export interface LoginTransaction {
  clientId: string;
  redirectUri: string;
  state?: string;
  scopes: string[];
  codeChallenge?: string;
  nonce?: string;
  userId?: string;
  createdAt: number;
}

export interface OrgConfig {
  clientId: string;
  redirectUris: string[];
  allowedOrigins: string[];
  seed: EmulatorSeed;
  basePolicy: EmulatorPolicy;
}

export class OrgState {
  /** My Domain and instance URL. */
  baseUrl = '';
  /** The generic login host (login.salesforce.com's stand-in): the identity URL lives there. */
  loginHostUrl = '';
  readonly orgId = DEMO_ORG.id;
  policy: EmulatorPolicy;
  records!: RecordStore;
  tokens!: TokenStore;
  users!: SeedUser[];
  inactiveUsers = new Set<string>();
  restrictions = { ip: false, loginHours: false };
  appBlocked = false;
  apiUsed = 0;
  latencyMs = 0;
  clockOffsetMs = 0;
  failRules: FailRule[] = [];
  hangRules: HangRule[] = [];
  log: LogEntry[] = [];
  loginTransactions = new Map<string, LoginTransaction>();
  /** The org's OpenID Connect signing key; kept across reset() as a real org keeps its keys. */
  readonly idTokenKeys: IdTokenKeys = createIdTokenKeys();

  constructor(readonly config: OrgConfig) {
    this.policy = { ...config.basePolicy };
    this.reset();
  }

  reset(): void {
    this.policy = { ...this.config.basePolicy };
    this.records = new RecordStore(this.config.seed);
    this.tokens = new TokenStore(this.orgId);
    this.users = [...this.config.seed.users];
    this.inactiveUsers.clear();
    this.restrictions = { ip: false, loginHours: false };
    this.appBlocked = false;
    this.apiUsed = 0;
    this.latencyMs = 0;
    this.clockOffsetMs = 0;
    this.failRules = [];
    this.hangRules = [];
    this.log = [];
    this.loginTransactions.clear();
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  setPolicy(patch: Partial<EmulatorPolicy>): EmulatorPolicy {
    this.policy = mergePolicy(this.policy, patch);
    return this.policy;
  }

  userById(id: string): SeedUser | undefined {
    return this.users.find((u) => u.id === id);
  }

  userByUsername(username: string): SeedUser | undefined {
    const lower = username.trim().toLowerCase();
    return this.users.find((u) => u.username.toLowerCase() === lower);
  }

  isActive(userId: string): boolean {
    return !this.inactiveUsers.has(userId);
  }

  isRestricted(): boolean {
    return this.restrictions.ip || this.restrictions.loginHours;
  }

  /** The CORS allowlist in force: the policy's when set, else the origins the emulator was started with. */
  corsAllowlist(): ReadonlySet<string> {
    return new Set(this.policy.corsAllowlist ?? this.config.allowedOrigins);
  }

  /** Whether the API may serve this user (their profile's "API Enabled"). */
  isApiEnabled(userId: string): boolean {
    const username = this.userById(userId)?.username.toLowerCase();
    return !this.policy.apiDisabledUsers.some((name) => name.toLowerCase() === username);
  }

  /** sObjects that exist only with an org feature on (Object Reference, "Special Access Rules"). */
  hasSObject(name: string): boolean {
    const lower = name.toLowerCase();
    if (lower === 'emailmessage' || lower === 'emailmessagerelation') return this.policy.enhancedEmail;
    if (lower === 'taskrelation') return this.policy.sharedActivities;
    return true;
  }

  isRedirectUriRegistered(uri: string): boolean {
    if (this.policy.callbackUrls !== null) return this.policy.callbackUrls.includes(uri);
    if (this.config.redirectUris.includes(uri)) return true;
    // Tests run the add-in on random ports: any allowed origin's /auth-callback.html counts as registered.
    return this.config.allowedOrigins.some((origin) => uri === `${origin}/auth-callback.html`);
  }

  identityUrl(userId: string): string {
    return `${this.loginHostUrl}/id/${this.orgId}/${userId}`;
  }
}

export function defaultOrgConfig(partial: Partial<Omit<OrgConfig, 'basePolicy'>> & { policy?: Partial<EmulatorPolicy> }): OrgConfig {
  return {
    clientId: partial.clientId ?? 'demo-outlook-addin',
    redirectUris: partial.redirectUris ?? ['https://localhost:3000/auth-callback.html'],
    allowedOrigins: partial.allowedOrigins ?? ['https://localhost:3000'],
    seed: partial.seed ?? DEMO_SEED,
    basePolicy: mergePolicy(DEFAULT_POLICY, partial.policy),
  };
}
