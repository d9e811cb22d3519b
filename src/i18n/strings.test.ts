import { describe, expect, it } from 'vitest';
import { format, resolveLocale, SHELL_STRINGS, shellStrings } from './strings';

describe('shell strings', () => {
  it('has every English key in French, none empty, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(SHELL_STRINGS.en)) {
      const french = SHELL_STRINGS.fr[key as keyof typeof SHELL_STRINGS.en];
      expect(french, key).toBeTruthy();
      expect(placeholders(french), key).toEqual(placeholders(value));
    }
  });

  it('picks the locale from an Office display language', () => {
    expect(resolveLocale('fr-FR')).toBe('fr');
    expect(resolveLocale('fr')).toBe('fr');
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('de-DE')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
    expect(shellStrings('fr-CA').signInAgain).toBe('Se reconnecter');
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
