/**
 * The unified manifest's app package icons, drawn like public/icons (tests/tools/generate-icons.ts): `color`, the
 * full-colour icon at 192x192, and `outline`, 32x32 white on transparent (the person and cloud only), as the
 * Microsoft 365 app package requires.
 */
import { drawIcon, encodePng } from '../generate-icons';
import { PACKAGE_ICONS } from './unified-manifest';

const ICON_BLUE_RED = 0x0b;

export function colorIcon(): Buffer {
  return encodePng(192, 192, drawIcon(192));
}

export function outlineIcon(): Buffer {
  const pixels = drawIcon(32);
  for (let o = 0; o < pixels.length; o += 4) {
    // drawIcon blends the blue towards white by the glyph's coverage: that coverage becomes the outline's alpha.
    const glyph = (pixels[o]! - ICON_BLUE_RED) / (255 - ICON_BLUE_RED);
    const alpha = Math.round(glyph * pixels[o + 3]!);
    pixels.set([255, 255, 255, alpha], o);
  }
  return encodePng(32, 32, pixels);
}

/** The app package's files besides manifest.json, by their relative path in the manifest. */
export function appPackageIcons(): Record<string, Buffer> {
  return { [PACKAGE_ICONS.color]: colorIcon(), [PACKAGE_ICONS.outline]: outlineIcon() };
}
