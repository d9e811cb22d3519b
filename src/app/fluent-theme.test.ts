import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { firstPaintTheme, loadFluentTheme } from './fluent-theme';

describe('loadFluentTheme', () => {
  it('follows the Office theme', async () => {
    expect(await loadFluentTheme({})).toBe(webLightTheme);
    expect(await loadFluentTheme({ isDarkTheme: false })).toBe(webLightTheme);
    expect(await loadFluentTheme({ isDarkTheme: true })).toBe(webDarkTheme);
    expect(await loadFluentTheme({ isDarkTheme: true, isHighContrast: true })).toBe(teamsHighContrastTheme);
    expect(await loadFluentTheme({ isHighContrast: true })).toBe(teamsHighContrastTheme);
  });

  it('paints light without a download', () => {
    expect(firstPaintTheme).toBe(webLightTheme);
  });
});
