import type { OfficeTheme } from './office-host';

function parseHex(color: string | undefined): [number, number, number] | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color?.trim() ?? '');
  if (!match?.[1]) return undefined;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(color: string | undefined): number | undefined {
  const rgb = parseHex(color);
  if (!rgb) return undefined;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastRatio(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * Outlook does not fill isDarkTheme and has no high-contrast flag, so both are derived from the body colours, as
 * Microsoft's docs advise. High contrast: body text on background at the extreme black/white contrast that only
 * Windows' contrast themes use (Office's own Black theme uses a dark grey, not pure black).
 */
export function toOfficeTheme(source: Partial<Office.OfficeTheme> | undefined | null): OfficeTheme {
  if (!source) return {};
  const background = relativeLuminance(source.bodyBackgroundColor);
  const foreground = relativeLuminance(source.bodyForegroundColor);
  const theme: OfficeTheme = {};
  if (source.bodyBackgroundColor) theme.bodyBackgroundColor = source.bodyBackgroundColor;
  if (background !== undefined) theme.isDarkTheme = background < 0.2;
  else if (typeof source.isDarkTheme === 'boolean') theme.isDarkTheme = source.isDarkTheme;
  if (background !== undefined && foreground !== undefined) theme.isHighContrast = contrastRatio(background, foreground) >= 19;
  return theme;
}
