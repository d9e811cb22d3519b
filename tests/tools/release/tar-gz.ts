/**
 * A gzipped POSIX ustar archive written and read with node:zlib alone: regular files only, which is all a release
 * holds, readable by any `tar -xzf` (GNU, bsdtar, Windows' tar.exe).
 */
import zlib from 'node:zlib';

export interface TarEntry {
  /** Relative path with forward slashes. */
  path: string;
  data: Uint8Array;
}

const BLOCK = 512;

function writeString(header: Buffer, text: string, offset: number, length: number) {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > length) throw new Error(`tar: "${text}" is longer than ${length} bytes`);
  bytes.copy(header, offset);
}

/** An octal number field: digits, then NUL. */
const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0');

/** ustar keeps names of up to 100 bytes, longer ones split at a slash into a prefix of up to 155. */
function splitName(name: string): { prefix: string; name: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', name };
  for (let i = name.lastIndexOf('/'); i > 0; i = name.lastIndexOf('/', i - 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return { prefix, name: rest };
  }
  throw new Error(`tar: path too long for ustar: ${name}`);
}

function header(entry: TarEntry, mtimeSeconds: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { prefix, name } = splitName(entry.path);
  writeString(block, name, 0, 100);
  writeString(block, octal(0o644, 8), 100, 8);
  writeString(block, octal(0, 8), 108, 8);
  writeString(block, octal(0, 8), 116, 8);
  writeString(block, octal(entry.data.length, 12), 124, 12);
  writeString(block, octal(mtimeSeconds, 12), 136, 12);
  block.fill(' ', 148, 156); // the checksum counts its own field as spaces
  writeString(block, '0', 156, 1);
  writeString(block, 'ustar\u000000', 257, 8);
  writeString(block, prefix, 345, 155);
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  writeString(block, `${octal(checksum, 7)}\u0000 `, 148, 8);
  return block;
}

export function createTarGz(entries: TarEntry[], mtime: Date = new Date()): Buffer {
  const seen = new Set<string>();
  const parts: Buffer[] = [];
  const mtimeSeconds = Math.floor(mtime.getTime() / 1000);
  for (const entry of entries) {
    if (entry.path.startsWith('/') || entry.path.split('/').includes('..')) throw new Error(`tar: ${entry.path} must be a relative path inside the archive`);
    if (seen.has(entry.path)) throw new Error(`tar: ${entry.path} is in the archive twice`);
    seen.add(entry.path);
    parts.push(header(entry, mtimeSeconds), Buffer.from(entry.data), Buffer.alloc((BLOCK - (entry.data.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return zlib.gzipSync(Buffer.concat(parts), { level: 9 });
}

/** The regular files of a .tar.gz, in order. */
export function readTarGz(archive: Uint8Array): { path: string; data: Buffer }[] {
  const tar = zlib.gunzipSync(archive);
  const entries: { path: string; data: Buffer }[] = [];
  const text = (offset: number, length: number) =>
    tar
      .subarray(offset, offset + length)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  for (let offset = 0; offset + BLOCK <= tar.length;) {
    if (tar.subarray(offset, offset + BLOCK).every((byte) => byte === 0)) break;
    const size = parseInt(text(offset + 124, 12).trim() || '0', 8);
    const prefix = text(offset + 345, 155);
    const name = text(offset, 100);
    const type = text(offset + 156, 1);
    const start = offset + BLOCK;
    if (type === '0' || type === '') entries.push({ path: prefix ? `${prefix}/${name}` : name, data: tar.subarray(start, start + size) });
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
