/**
 * Outlook's own account and the nested app authentication host. In Outlook the HOST holds the signed-in account and
 * acquires tokens for a nested add-in (its client id, its scopes) from Microsoft identity; the add-in only talks to
 * window.nestedAppAuthBridge. Here the harness page is that host, and the identity provider is whatever OpenID
 * Connect authority the request (or the add-in's config) names. The Outlook account is given by the test before the
 * page loads (window.__OUTLOOK_HARNESS_ACCOUNT__, { login, password }): Outlook signs it in with the resource owner
 * password grant, which the test provider accepts for this purpose, so silent requests need no window, as in
 * Outlook. GetTokenPopup opens the provider's own login page in a real window (authorization code + PKCE) and then
 * remembers that account's tokens.
 */
import type { NestedAppAuthRequestRecord, OutlookAccount, OutlookHarness } from '../harness-api';
import type { NestedAppAuthAnswer, NestedAppAuthTokenParams } from '../host-protocol';
import { bridgeError, openIdConfiguration, randomText, s256, tokenAnswer, tokenRequest, type OpenIdMetadata, type SuccessfulTokenAnswer } from './openid-client';

const NAA_CALLBACK_PATH = '/__harness/outlook-sign-in-callback';
/** A cached token this close to expiry is fetched again. */
const EXPIRY_MARGIN_MS = 60_000;
const POPUP_POLL_MS = 100;

export interface NestedAppAuthHost {
  nestedAppAuth: OutlookHarness['nestedAppAuth'];
  requests(): NestedAppAuthRequestRecord[];
  /** Shows Outlook's account in the header (with NestedAppAuth only). */
  renderAccount(): void;
}

function renderOutlookAccount(text: string): void {
  const readout = document.getElementById('outlook-account');
  if (readout) readout.textContent = `Outlook account: ${text}`;
}

function configuredAuthority(): Promise<string | undefined> {
  return fetch('/config.json', { cache: 'no-store' })
    .then((r) => r.json() as Promise<{ microsoft?: { authority?: string } } | null>)
    .then((config) => config?.microsoft?.authority);
}

function metadataFor(params: NestedAppAuthTokenParams): Promise<OpenIdMetadata> {
  return (params.authority ? Promise.resolve(params.authority) : configuredAuthority()).then((authority) => {
    if (!authority) throw new Error('no authority');
    return openIdConfiguration(authority);
  });
}

type SignInOutcome = { cancelled: true } | { cancelled?: false; params: URLSearchParams; metadata: OpenIdMetadata };

export function createNestedAppAuthHost(account: OutlookAccount | null): NestedAppAuthHost {
  let outlookAccount = account;
  // clientId + scope → Outlook's own token cache.
  const tokens = new Map<string, { answer: SuccessfulTokenAnswer; expiresAt: number }>();
  const seen: NestedAppAuthRequestRecord[] = [];

  const cacheKey = (params: NestedAppAuthTokenParams) => `${params.clientId} ${params.scope}`;
  const remember = (params: NestedAppAuthTokenParams, answer: SuccessfulTokenAnswer) => {
    tokens.set(cacheKey(params), { answer, expiresAt: Date.now() + (Number(answer.token.expires_in) || 0) * 1000 });
    renderOutlookAccount(`${answer.account.name} (${answer.account.username})`);
  };
  const fromCache = (params: NestedAppAuthTokenParams): SuccessfulTokenAnswer | null => {
    const hit = tokens.get(cacheKey(params));
    if (!hit || hit.expiresAt - EXPIRY_MARGIN_MS < Date.now() || params.forceRefresh) return null;
    const answer = JSON.parse(JSON.stringify(hit.answer)) as SuccessfulTokenAnswer;
    answer.token.expires_in = Math.floor((hit.expiresAt - Date.now()) / 1000);
    return answer;
  };

  const getToken = (params: NestedAppAuthTokenParams): Promise<NestedAppAuthAnswer> => {
    const cached = fromCache(params);
    if (cached) return Promise.resolve(cached);
    const signedIn = outlookAccount;
    if (!signedIn?.password) return Promise.resolve(bridgeError('USER_INTERACTION_REQUIRED', 'interaction_required', 'No account signed in to Outlook.'));
    const password = signedIn.password;
    return metadataFor(params).then(
      (metadata) =>
        tokenRequest(metadata.token_endpoint, { grant_type: 'password', client_id: params.clientId, username: signedIn.login, password, scope: params.scope }).then((result) => {
          if (!result.ok) return bridgeError('USER_INTERACTION_REQUIRED', result.body.error || 'invalid_grant', result.body.error_description);
          const answer = tokenAnswer(metadata, result.body);
          remember(params, answer);
          return answer;
        }),
      () => bridgeError('NO_NETWORK', 'no_network', 'The identity provider cannot be reached.'),
    );
  };

  const getTokenPopup = (params: NestedAppAuthTokenParams): Promise<NestedAppAuthAnswer> => {
    // Opened before any await, so the seller's click in the pane still counts for the pop-up blocker.
    const win = window.open('about:blank', '__outlookHarnessSignIn', 'popup,width=520,height=640');
    if (!win) return Promise.resolve(bridgeError('PERSISTENT_ERROR', 'popup_window_error', 'The sign-in window was blocked.'));
    const verifier = randomText();
    const state = randomText();
    const redirectUri = location.origin + NAA_CALLBACK_PATH;
    return Promise.all([metadataFor(params), s256(verifier)])
      .then(([metadata, challenge]) => {
        const authorize = new URL(metadata.authorization_endpoint);
        authorize.search = new URLSearchParams({
          client_id: params.clientId,
          response_type: 'code',
          redirect_uri: redirectUri,
          scope: params.scope,
          state,
          code_challenge: challenge,
          code_challenge_method: 'S256',
          prompt: 'login',
        }).toString();
        win.location.href = authorize.href;
        return new Promise<SignInOutcome>((resolve) => {
          const watch = setInterval(() => {
            if (win.closed) {
              clearInterval(watch);
              return resolve({ cancelled: true });
            }
            let here: URL;
            try {
              here = new URL(win.location.href);
            } catch {
              return; // still on the provider's origin
            }
            if (here.origin !== location.origin || here.pathname !== NAA_CALLBACK_PATH) return;
            clearInterval(watch);
            win.close();
            resolve({ params: here.searchParams, metadata });
          }, POPUP_POLL_MS);
        });
      })
      .then((outcome): NestedAppAuthAnswer | Promise<NestedAppAuthAnswer> => {
        if (outcome.cancelled) return bridgeError('USER_CANCEL', 'user_cancelled', 'The seller closed the sign-in window.');
        const returned = outcome.params;
        if (returned.get('state') !== state) return bridgeError('PERSISTENT_ERROR', 'state_mismatch', 'The sign-in answer does not match the request.');
        const error = returned.get('error');
        if (error) return bridgeError(error === 'access_denied' ? 'USER_CANCEL' : 'PERSISTENT_ERROR', error, returned.get('error_description') || '');
        return tokenRequest(outcome.metadata.token_endpoint, {
          grant_type: 'authorization_code',
          client_id: params.clientId,
          code: returned.get('code') ?? '',
          redirect_uri: redirectUri,
          code_verifier: verifier,
        }).then((result) => {
          if (!result.ok) return bridgeError('PERSISTENT_ERROR', result.body.error || 'invalid_grant', result.body.error_description);
          const answer = tokenAnswer(outcome.metadata, result.body);
          // Outlook's account is now this one (no password: once its tokens expire, the host asks again).
          outlookAccount = { login: answer.account.username };
          remember(params, answer);
          return answer;
        });
      })
      .catch(() => {
        try {
          win.close();
        } catch {
          // Already closed.
        }
        return bridgeError('NO_NETWORK', 'no_network', 'The identity provider cannot be reached.');
      });
  };

  return {
    nestedAppAuth: {
      handle(request) {
        seen.push({ method: request.method, clientId: request.tokenParams?.clientId, scope: request.tokenParams?.scope });
        if (request.method === 'GetInitContext') {
          return Promise.resolve({ success: true, initContext: { sdkName: 'outlook-harness', sdkVersion: '1.0.0', capabilities: { queryAccount: false } } });
        }
        if (!request.tokenParams?.clientId) return Promise.resolve(bridgeError('PERSISTENT_ERROR', 'invalid_request', 'No token parameters.'));
        if (request.method === 'GetToken') return getToken(request.tokenParams);
        if (request.method === 'GetTokenPopup') return getTokenPopup(request.tokenParams);
        return Promise.resolve(bridgeError('PERSISTENT_ERROR', 'unsupported_method', String(request.method)));
      },
    },
    // For tests: which bridge requests the host saw (method, client id, scopes; never a token).
    requests: () => JSON.parse(JSON.stringify(seen)) as NestedAppAuthRequestRecord[],
    renderAccount: () => renderOutlookAccount(outlookAccount ? outlookAccount.login : 'not signed in'),
  };
}
