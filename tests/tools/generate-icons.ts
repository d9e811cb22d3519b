/**
 * Writes the add-in's PNG icons (public/icons/icon-<size>.png) without an image library: a blue rounded square with a
 * white person and a small cloud, drawn by coverage sampling and encoded as RGBA PNG with node:zlib.
 * Run: npx tsx tests/tools/generate-icons.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Shapes in a unit square (0..1). */
function inRoundedSquare(x: number, y: number): boolean {
  const r = 0.22;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
const inCircle = (x: number, y: number, cx: number, cy: number, r: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
function inPerson(x: number, y: number): boolean {
  if (inCircle(x, y, 0.42, 0.4, 0.13)) return true;
  // shoulders: the top half of an ellipse
  return y >= 0.6 && y <= 0.82 && ((x - 0.42) / 0.24) ** 2 + ((y - 0.82) / 0.24) ** 2 <= 1;
}
function inCloud(x: number, y: number): boolean {
  return inCircle(x, y, 0.7, 0.3, 0.09) || inCircle(x, y, 0.78, 0.27, 0.075) || inCircle(x, y, 0.84, 0.33, 0.06) || (y >= 0.3 && y <= 0.39 && x >= 0.66 && x <= 0.86);
}

export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!inRoundedSquare(x, y)) continue;
          bg++;
          if (inPerson(x, y) || inCloud(x, y)) fg++;
        }
      }
      const n = samples * samples;
      const alpha = bg / n;
      const white = bg === 0 ? 0 : fg / bg;
      // Salesforce-like blue #0B5CAB blended towards white by glyph coverage.
      const o = (py * size + px) * 4;
      pixels[o] = Math.round(0x0b + (255 - 0x0b) * white);
      pixels[o + 1] = Math.round(0x5c + (255 - 0x5c) * white);
      pixels[o + 2] = Math.round(0xab + (255 - 0xab) * white);
      pixels[o + 3] = Math.round(255 * alpha);
    }
  }
  return pixels;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'icons');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
