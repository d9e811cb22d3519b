import { describe, expect, it } from 'vitest';
import { parseDialogAnswer } from '../salesforce-sign-in';
import { callbackAnswer } from './auth-callback-answer';

describe('callbackAnswer: what the callback page hands the pane', () => {
  it.each([
    ['?code=aPrx.c0de%3D%3D&state=st1', { type: 'code', code: 'aPrx.c0de==', state: 'st1' }],
    [
      '?error=access_denied&error_description=end-user+denied+authorization&state=st1',
      { type: 'error', error: 'access_denied', errorDescription: 'end-user denied authorization', state: 'st1' },
    ],
    ['?error=OAUTH_APP_BLOCKED', { type: 'error', error: 'OAUTH_APP_BLOCKED' }],
    ['?error=access_denied&code=c&state=s', { type: 'error', error: 'access_denied', state: 's' }],
    ['?code=c', { type: 'invalid' }],
    ['', { type: 'invalid' }],
  ])('%s reads back on the pane as %j', (search, answer) => {
    expect(parseDialogAnswer(callbackAnswer(search))).toEqual(answer);
  });
});
