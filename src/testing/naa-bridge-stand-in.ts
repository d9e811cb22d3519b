/**
 * A stand-in for the nested app authentication bridge Outlook injects as `window.nestedAppAuthBridge`, speaking
 * the exact envelope msal-browser 5.x sends and expects (src/naa/BridgeProxy.ts, BridgeRequestEnvelope.ts,
 * BridgeResponseEnvelope.ts): requests arrive as a JSON string through `postMessage`; answers go back as a JSON
 * string to the "message" listeners, `{ messageType: "NestedAppAuthResponse", requestId, success, ... }`.
 * For unit tests only.
 */

export type BridgeMethod = 'GetInitContext' | 'GetToken' | 'GetTokenPopup';

export interface BridgeRequest {
  messageType: 'NestedAppAuthRequest';
  method: BridgeMethod;
  requestId: string;
  sendTime?: number;
  clientLibrary?: string;
  clientLibraryVersion?: string;
  tokenParams?: { clientId: string; scope: string; correlationId: string; authority?: string; platformBrokerId?: string };
}

/** BridgeStatusCode in msal-browser. */
export type BridgeStatus =
  'USER_INTERACTION_REQUIRED' | 'USER_CANCEL' | 'NO_NETWORK' | 'TRANSIENT_ERROR' | 'PERSISTENT_ERROR' | 'DISABLED' | 'ACCOUNT_UNAVAILABLE' | 'NESTED_APP_AUTH_UNAVAILABLE';

export interface BridgeErrorAnswer {
  status: BridgeStatus;
  code?: string;
  subError?: string;
  description?: string;
}

export interface HostAccount {
  homeAccountId: string;
  localAccountId: string;
  tenantId: string;
  environment: string;
  username: string;
  name: string;
}

/** What the host does with one kind of request: answer with the account's token, fail, or never answer. */
export type Behaviour = 'token' | 'never' | BridgeErrorAnswer;

export interface NaaBridgeStandIn {
  bridge: {
    addEventListener(name: string, callback: (response: string) => void): void;
    removeEventListener(name: string, callback: (response: string) => void): void;
    postMessage(message: string): void;
  };
  requests: BridgeRequest[];
  /** Tokens handed out, so tests can prove none of them leaks. */
  issuedTokens: string[];
  behaviour: Record<BridgeMethod, Behaviour>;
  account: HostAccount;
}

function base64Url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unsigned id token with the claims MSAL reads (it does not verify signatures of brokered tokens). */
function idTokenFor(account: HostAccount, clientId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: clientId,
    iss: `https://${account.environment}/${account.tenantId}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    name: account.name,
    preferred_username: account.username,
    oid: account.localAccountId,
    sub: `sub-${account.localAccountId}`,
    tid: account.tenantId,
  };
  return `${base64Url({ alg: 'RS256', typ: 'JWT' })}.${base64Url(claims)}.c2lnbmF0dXJl`;
}

export const SAM: HostAccount = {
  homeAccountId: '5a4d0f0e-1111-4c1e-9d3a-000000000001.72f988bf-86f1-41af-91ab-2d7cd011db47',
  localAccountId: '5a4d0f0e-1111-4c1e-9d3a-000000000001',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  environment: 'login.microsoftonline.com',
  username: 'sam.seller@contoso.example',
  name: 'Sam Seller',
};

export function createNaaBridgeStandIn(options: Partial<Record<BridgeMethod, Behaviour>> & { account?: HostAccount } = {}): NaaBridgeStandIn {
  const listeners = new Set<(response: string) => void>();
  const standIn: NaaBridgeStandIn = {
    requests: [],
    issuedTokens: [],
    account: options.account ?? SAM,
    behaviour: {
      GetInitContext: options.GetInitContext ?? 'token',
      GetToken: options.GetToken ?? 'token',
      GetTokenPopup: options.GetTokenPopup ?? 'token',
    },
    bridge: {
      addEventListener: (_name, callback) => void listeners.add(callback),
      removeEventListener: (_name, callback) => void listeners.delete(callback),
      postMessage(message) {
        const request = JSON.parse(message) as BridgeRequest;
        standIn.requests.push(request);
        const behaviour = standIn.behaviour[request.method];
        if (behaviour === 'never') return;
        const base = { messageType: 'NestedAppAuthResponse', requestId: request.requestId };
        let response: object;
        if (behaviour !== 'token') {
          response = { ...base, success: false, error: behaviour };
        } else if (request.method === 'GetInitContext') {
          response = {
            ...base,
            success: true,
            initContext: { sdkName: 'outlook-stand-in', sdkVersion: '1.0.0', capabilities: { queryAccount: false } },
          };
        } else {
          const accessToken = `stand-in-access-token-${standIn.issuedTokens.length + 1}-${request.requestId}`;
          const idToken = idTokenFor(standIn.account, request.tokenParams?.clientId ?? '');
          standIn.issuedTokens.push(accessToken, idToken);
          response = {
            ...base,
            success: true,
            token: {
              access_token: accessToken,
              expires_in: 3600,
              id_token: idToken,
              properties: null,
              scope: request.tokenParams?.scope,
            },
            account: { ...standIn.account },
          };
        }
        // The real bridge answers asynchronously, from the host process.
        setTimeout(() => {
          for (const listener of listeners) listener(JSON.stringify(response));
        }, 1);
      },
    },
  };
  return standIn;
}
