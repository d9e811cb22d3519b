import { describe, expect, it } from 'vitest';
import { ConfigError, parseRuntimeConfig } from './runtime-config';

const base = { salesforce: { loginUrl: 'https://acme.my.salesforce.com', clientId: 'c', redirectUri: 'https://addin.example/auth-callback.html' } };
const parse = (attachments: unknown) => parseRuntimeConfig({ ...base, attachments });

describe('parseRuntimeConfig: attachments.defaultSelection', () => {
  it('is absent when not configured (the pane then ticks every file)', () => {
    expect(parseRuntimeConfig(base).attachments).toBeUndefined();
  });

  it.each([
    [{ defaultSelection: 'all' }, { mode: 'all' }],
    [{ defaultSelection: 'none' }, { mode: 'none' }],
    [
      { defaultSelection: 'under', underBytes: 5_000_000 },
      { mode: 'under', maxBytes: 5_000_000 },
    ],
  ])('reads %o', (raw, selection) => {
    expect(parse(raw).attachments).toEqual({ defaultSelection: selection });
  });

  it.each([
    [{ defaultSelection: 'some' }],
    [{ defaultSelection: 'under' }],
    [{ defaultSelection: 'under', underBytes: -1 }],
    [{ defaultSelection: 'under', underBytes: 1.5 }],
    ['all'],
    [[]],
  ])('refuses %o with a message naming the field', (raw) => {
    expect(() => parse(raw)).toThrow(ConfigError);
    expect(() => parse(raw)).toThrow(/attachments/);
  });
});
