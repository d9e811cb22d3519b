/**
 * Grants, tokens and authorization codes. A grant is one sign-in of one user to the app: it owns one live refresh
 * token (plus the ones rotation retired) and every access token issued from it. Tokens are opaque random strings;
 * nothing here logs them.
 */
import { randomBytes } from 'node:crypto';

export interface Grant {
  id: string;
  userId: string;
  clientId: string;
  scopes: string[];
  createdAt: number;
  lastUsedAt: number;
  /** The live refresh token, when the grant has the refresh_token scope. */
  refreshToken?: string;
  /** Refresh tokens retired by rotation; presenting one again revokes the grant (reuse detection). */
  retiredRefreshTokens: Set<string>;
  revoked: boolean;
  revokedReason?: string;
}

export interface AccessTokenInfo {
  grantId: string;
  userId: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  invalidated: boolean;
}

export interface AuthCode {
  userId: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
  /** OpenID Connect nonce from the authorize request, echoed in the id_token. */
  nonce?: string;
  expiresAt: number;
  used: boolean;
}

export type RefreshLookup = { kind: 'live'; grant: Grant } | { kind: 'retired'; grant: Grant } | { kind: 'unknown' };

function random(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export class TokenStore {
  readonly grants = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, AccessTokenInfo>();
  private readonly refreshIndex = new Map<string, string>();
  private readonly codes = new Map<string, AuthCode>();
  /** Refresh tokens whose refresh_token grant is being processed right now. */
  readonly refreshesInFlight = new Set<string>();
  private grantCounter = 0;

  constructor(private readonly orgId: string) {}

  issueCode(code: Omit<AuthCode, 'used'>): string {
    // Salesforce codes are base64 with padding, so they need URL encoding in the redirect.
    const value = `aPrx${random(60)}==`;
    this.codes.set(value, { ...code, used: false });
    return value;
  }

  /** Returns the code once; a used, expired or unknown code yields undefined. */
  takeCode(value: string, now: number): AuthCode | undefined {
    const code = this.codes.get(value);
    if (!code || code.used || now > code.expiresAt) return undefined;
    code.used = true;
    return code;
  }

  createGrant(userId: string, clientId: string, scopes: string[], now: number, maxGrantsPerUser: number): Grant {
    this.grantCounter += 1;
    const grant: Grant = {
      id: `grant-${this.grantCounter}`,
      userId,
      clientId,
      scopes,
      createdAt: now,
      lastUsedAt: now,
      retiredRefreshTokens: new Set(),
      revoked: false,
    };
    if (scopes.includes('refresh_token') || scopes.includes('offline_access')) {
      grant.refreshToken = this.newRefreshToken(grant);
      const live = [...this.grants.values()].filter((g) => !g.revoked && g.refreshToken && g.userId === userId && g.clientId === clientId).sort((a, b) => a.createdAt - b.createdAt);
      // The newest grant displaces the oldest once the per-user limit is exceeded.
      while (live.length >= maxGrantsPerUser) {
        const oldest = live.shift();
        if (oldest) this.revokeGrant(oldest.id, 'grant limit');
      }
    }
    this.grants.set(grant.id, grant);
    return grant;
  }

  rotateRefreshToken(grant: Grant): string {
    if (grant.refreshToken) grant.retiredRefreshTokens.add(grant.refreshToken);
    grant.refreshToken = this.newRefreshToken(grant);
    return grant.refreshToken;
  }

  private newRefreshToken(grant: Grant): string {
    const token = `5Aep861${random(64)}`;
    this.refreshIndex.set(token, grant.id);
    return token;
  }

  lookupRefreshToken(token: string): RefreshLookup {
    const grantId = this.refreshIndex.get(token);
    const grant = grantId ? this.grants.get(grantId) : undefined;
    if (!grant) return { kind: 'unknown' };
    if (grant.refreshToken === token) return { kind: 'live', grant };
    return { kind: 'retired', grant };
  }

  issueAccessToken(grant: Grant, now: number, ttlMs: number): { token: string; info: AccessTokenInfo } {
    const token = `${this.orgId}!AQ${random(96).replace(/-/g, '.')}`;
    const info: AccessTokenInfo = {
      grantId: grant.id,
      userId: grant.userId,
      scopes: grant.scopes,
      issuedAt: now,
      expiresAt: now + ttlMs,
      invalidated: false,
    };
    this.accessTokens.set(token, info);
    return { token, info };
  }

  /** The access token's session if it is still valid at `now`. */
  validAccessToken(token: string, now: number): AccessTokenInfo | undefined {
    const info = this.accessTokens.get(token);
    if (!info || info.invalidated || now >= info.expiresAt) return undefined;
    const grant = this.grants.get(info.grantId);
    if (!grant || grant.revoked) return undefined;
    return info;
  }

  revokeGrant(grantId: string, reason: string): void {
    const grant = this.grants.get(grantId);
    if (!grant || grant.revoked) return;
    grant.revoked = true;
    grant.revokedReason = reason;
    for (const info of this.accessTokens.values()) if (info.grantId === grantId) info.invalidated = true;
  }

  revokeUser(userId: string, reason: string): number {
    let count = 0;
    for (const grant of this.grants.values()) {
      if (grant.userId === userId && !grant.revoked) {
        this.revokeGrant(grant.id, reason);
        count += 1;
      }
    }
    return count;
  }

  /** Ends every session (access token) while leaving refresh tokens usable. */
  expireSessions(userId?: string): number {
    let count = 0;
    for (const info of this.accessTokens.values()) {
      if (!info.invalidated && (userId === undefined || info.userId === userId)) {
        info.invalidated = true;
        count += 1;
      }
    }
    return count;
  }

  /**
   * Revocation endpoint: a live access token ends its session; a live refresh token ends its grant. A token this org
   * issued that no longer works (revoked, expired, rotated out) is 'invalid'; anything else is 'unknown'.
   */
  revoke(token: string, now: number): 'revoked' | 'invalid' | 'unknown' {
    const access = this.accessTokens.get(token);
    if (access) {
      if (!this.validAccessToken(token, now)) return 'invalid';
      access.invalidated = true;
      return 'revoked';
    }
    const lookup = this.lookupRefreshToken(token);
    if (lookup.kind === 'unknown') return 'unknown';
    if (lookup.kind === 'retired' || lookup.grant.revoked) return 'invalid';
    this.revokeGrant(lookup.grant.id, 'revoked by client');
    return 'revoked';
  }

  /** What the control API may show about grants: never a token. */
  describeGrants(usernameOf: (userId: string) => string | undefined): Array<Record<string, unknown>> {
    return [...this.grants.values()].map((g) => ({
      id: g.id,
      username: usernameOf(g.userId),
      userId: g.userId,
      createdAt: new Date(g.createdAt).toISOString(),
      lastUsedAt: new Date(g.lastUsedAt).toISOString(),
      hasRefreshToken: Boolean(g.refreshToken),
      rotations: g.retiredRefreshTokens.size,
      revoked: g.revoked,
      revokedReason: g.revokedReason ?? null,
      liveAccessTokens: [...this.accessTokens.values()].filter((i) => i.grantId === g.id && !i.invalidated).length,
    }));
  }
}
