import { describe, expect, it } from 'vitest';
import type { ProbeAnswer } from './probe-answer';
import { decideTokenClient } from './token-probe-checks';

const oauth = (status: number, error: string): ProbeAnswer => ({ kind: 'answer', status, text: '', json: { error, error_description: 'x' } });

describe('decideTokenClient', () => {
  it.each([
    ['invalid_grant: known app, no secret', oauth(400, 'invalid_grant'), false, ['ok', 'client_known'], ['ok', 'no_secret']],
    ['invalid_client_id: unknown key', oauth(400, 'invalid_client_id'), false, ['problem', 'client_unknown'], ['unknown', 'not_checked']],
    ['app_not_found: not installed', oauth(400, 'app_not_found'), false, ['problem', 'client_unknown'], ['unknown', 'not_checked']],
    ['invalid_client: a secret is required', oauth(400, 'invalid_client'), false, ['ok', 'client_known'], ['problem', 'secret_required']],
    ['an unexpected code', oauth(400, 'invalid_request'), false, ['unknown', 'unexpected_answer'], ['unknown', 'unexpected_answer']],
    ['not JSON', { kind: 'answer', status: 503, text: '<html>', json: undefined }, false, ['unknown', 'unexpected_answer'], ['unknown', 'unexpected_answer']],
    ['unreadable, signed out', { kind: 'network_error' }, false, ['unknown', 'not_checked'], ['unknown', 'not_checked']],
    ['unreadable, signed in through the app', { kind: 'network_error' }, true, ['ok', 'signed_in_through_it'], ['ok', 'signed_in_through_it']],
  ] as const)('%s', (_name, probe, signedIn, [clientStatus, clientFinding], [secretStatus, secretFinding]) => {
    const [client, secret] = decideTokenClient(probe, { clientId: 'key', signedIn });
    expect(client).toMatchObject({ id: 'client-id', status: clientStatus, finding: clientFinding });
    expect(secret).toMatchObject({ id: 'client-secret', status: secretStatus, finding: secretFinding });
  });

  it('reads the code case-insensitively (OAUTH_APP codes come in capitals)', () => {
    expect(decideTokenClient(oauth(400, 'INVALID_CLIENT_ID'), { clientId: 'k', signedIn: false })[0].status).toBe('problem');
  });
});
