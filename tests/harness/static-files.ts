import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Resolves a URL path inside `root`, refusing anything that climbs out of it. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const full = normalize(join(root, decoded));
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The build's precompressed copy (x.js.br, x.js.gz) the browser accepts, as a host with nginx gzip_static / brotli_static
 * or a CDN serves it; undefined when there is none (the file is then sent as it is).
 */
async function precompressedCopy(path: string, acceptEncoding: string): Promise<{ file: string; encoding: string } | undefined> {
  const accepted = acceptEncoding.split(',').map((part) => part.trim().split(';')[0]);
  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (accepted.includes(encoding) && (await isFile(`${path}${suffix}`))) return { file: `${path}${suffix}`, encoding };
  }
  return undefined;
}

/**
 * Streams a file if it exists; answers false (nothing written) when it does not. With `acceptEncoding` (the request's
 * Accept-Encoding), a precompressed copy beside the file is sent instead when the browser takes it.
 */
export async function sendFile(res: ServerResponse, path: string | undefined, headers: Record<string, string> = {}, acceptEncoding?: string): Promise<boolean> {
  if (!path) return false;
  if (!(await isFile(path))) return false;
  const copy = acceptEncoding === undefined ? undefined : await precompressedCopy(path, acceptEncoding);
  const encodingHeaders: Record<string, string> = copy ? { 'content-encoding': copy.encoding, vary: 'accept-encoding' } : {};
  res.writeHead(200, { 'content-type': contentType(path), 'cache-control': 'no-store', ...encodingHeaders, ...headers });
  await new Promise<void>((resolve, reject) => {
    createReadStream(copy?.file ?? path)
      .on('error', reject)
      .on('end', resolve)
      .pipe(res);
  });
  return true;
}
