/** The HTML the authorization endpoint shows: login, Allow access, and the "Remote Access Error" page. */
import { escapeHtml } from '../http';

const STYLE = `
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #f3f6f9; margin: 0; color: #181818; }
  main { max-width: 380px; margin: 48px auto; background: #fff; border: 1px solid #d8dde6; border-radius: 6px; padding: 24px 28px; }
  h1 { font-size: 1.35rem; margin: 0 0 16px; }
  label { display: block; font-size: .9rem; margin: 12px 0 4px; }
  input[type=text], input[type=password], input[type=email] { width: 100%; box-sizing: border-box; padding: 9px; font-size: 1rem; border: 1px solid #8c9bad; border-radius: 4px; }
  button { margin-top: 18px; padding: 10px 18px; font-size: 1rem; border-radius: 4px; border: 1px solid #0176d3; background: #0176d3; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #0176d3; margin-right: 8px; }
  .error { background: #fde8e8; border: 1px solid #ea001e; color: #8e030f; padding: 10px; border-radius: 4px; margin-bottom: 12px; }
  .org { color: #5c5c5c; font-size: .85rem; margin-bottom: 16px; }
  ul { padding-left: 20px; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export function loginPage(options: { transactionId: string; username?: string; error?: string }): string {
  const error = options.error ? `<div class="error" role="alert" id="error">${escapeHtml(options.error)}</div>` : '';
  return page(
    'Login | Salesforce',
    `<h1>Log in to Salesforce</h1>
<p class="org">Emulated org (demo)</p>
${error}
<form method="post" action="/services/oauth2/authorize/login" id="login_form">
  <input type="hidden" name="txn" value="${escapeHtml(options.transactionId)}">
  <label for="username">Username</label>
  <input type="email" id="username" name="username" autocomplete="username" required value="${escapeHtml(options.username ?? '')}">
  <label for="password">Password</label>
  <input type="password" id="password" name="pw" autocomplete="current-password" required>
  <button type="submit" id="Login" name="Login">Log In</button>
</form>`,
  );
}

export function consentPage(options: { transactionId: string; appName: string; username: string; scopes: string[] }): string {
  const descriptions: Record<string, string> = {
    api: 'Manage user data via APIs (api)',
    refresh_token: 'Perform requests at any time (refresh_token, offline_access)',
    offline_access: 'Perform requests at any time (refresh_token, offline_access)',
    id: 'Access the identity URL service (id, profile, email, address, phone)',
    openid: 'Access unique user identifiers (openid)',
    full: 'Full access (full)',
    web: 'Access the Salesforce API Platform (web)',
  };
  const items = [...new Set(options.scopes.map((s) => descriptions[s] ?? s))].map((d) => `<li>${escapeHtml(d)}</li>`).join('');
  return page(
    'Allow Access? | Salesforce',
    `<h1>Allow Access?</h1>
<p><strong>${escapeHtml(options.appName)}</strong> is asking to:</p>
<ul>${items}</ul>
<p>Do you want to allow access for ${escapeHtml(options.username)}?</p>
<form method="post" action="/services/oauth2/authorize/consent" id="consent_form">
  <input type="hidden" name="txn" value="${escapeHtml(options.transactionId)}">
  <button type="submit" class="secondary" name="decision" value="deny" id="oaapprove_deny">Deny</button>
  <button type="submit" name="decision" value="allow" id="oaapprove">Allow</button>
</form>`,
  );
}

export function remoteAccessErrorPage(error: string, description: string): string {
  return page(
    'Remote Access Error',
    `<h1>Remote Access Error</h1>
<p role="alert">There was a problem in setting up your remote access.</p>
<p id="error">error=${escapeHtml(error)}</p>
<p id="error_description">error_description=${escapeHtml(description)}</p>`,
  );
}
