import { describe, expect, it } from 'vitest';
import { scrubSecrets } from './scrub-secrets';

describe('scrubSecrets', () => {
  it.each([
    ['access token', 'session 00D5e000000DemoA!AQ4AQFh3dGVzdC1hY2Nlc3MtdG9rZW4.x_y expired', '00D5e000000DemoA!AQ4AQ'],
    ['bearer header', 'Authorization: Bearer abc.def-123', 'abc.def-123'],
    ['form field', 'grant refresh_token=5Aep861TSESvWeug&client_id=x', '5Aep861TSESvWeug'],
    ['JSON field', '{"access_token":"tok123abc"}', 'tok123abc'],
    ['camelCase JSON field', '{"refreshToken":"short5ecret"}', 'short5ecret'],
    ['camelCase form field', 'accessToken=xyz789&x=1', 'xyz789'],
    ['JWT', 'id eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln rejected', 'eyJhbGciOiJSUzI1NiJ9'],
    ['long opaque run', 'token 5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ2lmnop here', '5Aep861TSESvWeug_xvFHRBTTbf'],
    ['base64 run with slashes', 'token 5Aep861TSESvWeug_xvFHRBTTbf/YrTWgEyjBJ2lmnop+qrstu== here', 'YrTWgEyjBJ2lmnop'],
  ])('removes a %s', (_label, text, secret) => {
    const out = scrubSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it.each([
    'Session expired or invalid',
    'Record 0035e000001SamAAA at https://demo.my.salesforce.com failed, ErrorId 243926966-107564 (1182868337)',
    'GET https://demo.my.salesforce.com/services/data/v62.0/sobjects/Contact/0035e000001SamAAA/describe',
    'Required fields are missing: [LastName]',
  ])('keeps readable text: %s', (text) => {
    expect(scrubSecrets(text)).toBe(text);
  });
});
