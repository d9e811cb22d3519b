import { describe, expect, it } from 'vitest';
import { DEFAULT_PLACEHOLDERS, MAX_GUESSED_PLACEHOLDERS, placeholderCount } from './placeholder-count';

describe('placeholderCount', () => {
  it.each([
    // addresses known: one a person, whatever came before
    [4, undefined, 4],
    [4, 1, 4],
    [1, 9, 1],
    [12, 2, 12],
    [0, 3, 1],
    // the email itself still loading: the previous email's count, capped; else the default
    [undefined, 3, 3],
    [undefined, 1, 1],
    [undefined, 30, MAX_GUESSED_PLACEHOLDERS],
    [undefined, 0, DEFAULT_PLACEHOLDERS],
    [undefined, undefined, DEFAULT_PLACEHOLDERS],
  ])('people %s, previous email %s → %s', (people, previous, expected) => {
    expect(placeholderCount(people, previous)).toBe(expected);
  });
});
