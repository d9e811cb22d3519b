import { describe, expect, it } from 'vitest';
import { dialogStrings } from './dialog-strings';

const flatten = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(flatten));

describe('dialogStrings', () => {
  it('has every line in English and French, and French is not English', () => {
    const en = flatten(dialogStrings('en-US'));
    const fr = flatten(dialogStrings('fr-CA'));
    expect(en.length).toBe(fr.length);
    for (const text of [...en, ...fr]) expect(text.trim()).not.toBe('');
    en.forEach((text, i) => expect(fr[i], text).not.toBe(text));
  });

  it('falls back to English', () => {
    expect(dialogStrings('de-DE')).toBe(dialogStrings('en'));
    expect(dialogStrings(undefined)).toBe(dialogStrings('en'));
  });
});
