import { describe, expect, it } from 'vitest';
import { OAuthEndpointError, requestTokenRefresh, type FetchLike } from './token-endpoint';

describe('a token endpoint answer that is not OAuth JSON', () => {
  it('keeps no piece of a token a gateway echoed, even where the 200-character cut falls inside it', async () => {
    const echoed = `5Aep861${'Zq9'.repeat(20)}`;
    // The token starts before character 200 and ends after it: a cut made before scrubbing leaves its head behind.
    const body = JSON.stringify({ note: 'x'.repeat(160), refresh_token: echoed });
    const fetchFn: FetchLike = () => Promise.resolve(new Response(body, { status: 502, headers: { 'Content-Type': 'application/json' } }));
    const error = await requestTokenRefresh(fetchFn, { loginUrl: 'https://acme.my.salesforce.com', clientId: 'c', refreshToken: 'sent' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthEndpointError);
    const failure = error as OAuthEndpointError;
    expect(failure.error).toBe('ERROR_HTTP_502');
    expect(failure.error_description ?? '').not.toContain('5Aep861');
    expect(failure.error_description?.length ?? 0).toBeLessThanOrEqual(201);
  });
});
