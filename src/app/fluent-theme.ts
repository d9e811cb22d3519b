import { webLightTheme, type Theme } from '@fluentui/react-components';
import type { OfficeTheme } from '../host/office-host';

/** The theme most panes paint with: in the first chunk, so a light pane paints without waiting for a download. */
export const firstPaintTheme: Theme = webLightTheme;

/**
 * Fluent's theme for Outlook's. Dark and high contrast are fetched only when Office reports them (issue 14: two
 * themes a light pane never uses were most of the first chunk's tokens); main.tsx awaits this before the first paint.
 */
export function loadFluentTheme(theme: OfficeTheme): Promise<Theme> {
  if (theme.isHighContrast) return import('./fluent-other-themes').then((themes) => themes.teamsHighContrastTheme);
  if (theme.isDarkTheme) return import('./fluent-other-themes').then((themes) => themes.webDarkTheme);
  return Promise.resolve(webLightTheme);
}
