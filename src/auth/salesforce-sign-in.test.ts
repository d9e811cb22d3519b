import { describe, expect, it } from 'vitest';
import { buildAuthStartUrl, readAuthStartQuery, type AuthStartParams } from './salesforce-sign-in';

describe('the sign-in start page query', () => {
  const params: AuthStartParams = {
    loginUrl: 'https://acme.my.salesforce.com',
    clientId: 'client id & more',
    redirectUri: 'https://addin.example/auth-callback.html',
    codeChallenge: 'a'.repeat(43),
    state: 's'.repeat(22),
    prompt: 'login',
  };

  it('reads back exactly what the pane wrote, every field by its one name', () => {
    const url = new URL(buildAuthStartUrl('https://addin.example/', params));
    expect(url.pathname).toBe('/auth-start.html');
    expect(readAuthStartQuery(url.search)).toEqual(params);
    expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'code_challenge', 'login_url', 'prompt', 'redirect_uri', 'state']);
  });

  it('leaves out an absent prompt, and reads absent fields as empty', () => {
    const { prompt: _prompt, ...withoutPrompt } = params;
    const url = new URL(buildAuthStartUrl('https://addin.example/', withoutPrompt));
    expect(url.searchParams.has('prompt')).toBe(false);
    expect(readAuthStartQuery(url.search).prompt).toBe('');
    expect(readAuthStartQuery('')).toEqual({ loginUrl: '', clientId: '', redirectUri: '', codeChallenge: '', state: '', prompt: '' });
  });
});
