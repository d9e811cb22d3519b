import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { fluentThemeFor } from './fluent-theme';

describe('fluentThemeFor', () => {
  it('follows the Office theme', () => {
    expect(fluentThemeFor({})).toBe(webLightTheme);
    expect(fluentThemeFor({ isDarkTheme: false })).toBe(webLightTheme);
    expect(fluentThemeFor({ isDarkTheme: true })).toBe(webDarkTheme);
    expect(fluentThemeFor({ isDarkTheme: true, isHighContrast: true })).toBe(teamsHighContrastTheme);
    expect(fluentThemeFor({ isHighContrast: true })).toBe(teamsHighContrastTheme);
  });
});
