import { describe, expect, it } from 'vitest';
import { SAVE_MEETING_STRINGS, saveMeetingStrings } from './save-meeting-strings';

describe('save meeting strings', () => {
  it('French has every English key, translated and with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(SAVE_MEETING_STRINGS.en)) {
      const french = SAVE_MEETING_STRINGS.fr[key as keyof typeof SAVE_MEETING_STRINGS.en];
      expect(french, key).toBeTruthy();
      expect(placeholders(french), key).toEqual(placeholders(english));
    }
    expect(saveMeetingStrings('fr-FR').saveButton).toBe('Enregistrer la réunion');
    expect(saveMeetingStrings('de-DE').saveButton).toBe('Save meeting');
  });
});
