/** Office.context.officeTheme for each theme the harness offers. */
import type { ThemeName } from '../harness-api';
import type { OfficeThemeColors } from '../host-protocol';

export const THEMES: Record<ThemeName, OfficeThemeColors> = {
  light: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#242424', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#242424' },
  dark: { bodyBackgroundColor: '#292929', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#1F1F1F', controlForegroundColor: '#FFFFFF' },
  highContrast: { bodyBackgroundColor: '#000000', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#000000', controlForegroundColor: '#FFFF00' },
};

export function isThemeName(name: unknown): name is ThemeName {
  return typeof name === 'string' && Object.hasOwn(THEMES, name);
}
