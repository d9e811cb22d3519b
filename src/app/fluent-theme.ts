import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { OfficeTheme } from '../host/office-host';

/** The Fluent theme that matches Outlook's: high contrast first (it wins over dark), then dark, else light. */
export function fluentThemeFor(theme: OfficeTheme): Theme {
  if (theme.isHighContrast) return teamsHighContrastTheme;
  if (theme.isDarkTheme) return webDarkTheme;
  return webLightTheme;
}
