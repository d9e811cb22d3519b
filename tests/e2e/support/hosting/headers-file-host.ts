import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/**
 * A static host that reads a `_headers` file the way Netlify and Cloudflare Pages document it, so the recipe file
 * itself is what the tests exercise:
 *  - a line starting at column 0 is a URL pattern; the indented `Name: value` lines under it are its headers;
 *    `#` starts a comment line;
 *  - `*` (a splat) matches any run of characters, `:name` one path segment; the rest matches literally;
 *  - every block whose pattern matches the path applies, and a header named by several matching blocks is sent once
 *    with their values joined by ", " (Cloudflare Pages' documented behaviour).
 * Like the hosts that serve precompressed files, it sends `x.br` or `x.gz` beside `x` to a client accepting that
 * encoding, with Content-Encoding and Vary.
 */

export interface HeaderRule {
  pattern: string;
  headers: Array<[string, string]>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!header || !rule) throw new Error(`_headers line ${index + 1} is neither a URL pattern nor a header under one: ${line}`);
    rule.headers.push([header[1]!, header[2]!.trim()]);
  }
  return rules;
}

function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** The headers the rules give a path, lower-case names. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    if (!patternToRegExp(rule.pattern).test(path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      result[key] = key in result ? `${result[key]}, ${value}` : value;
    }
  }
  return result;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface RunningHost {
  origin: string;
  close(): Promise<void>;
}

export async function startHeadersFileHost(siteDir: string, headersFile: string): Promise<RunningHost> {
  const rules = parseHeadersFile(headersFile);
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host.invalid').pathname);
      const file = normalize(join(siteDir, path.endsWith('/') ? `${path}index.html` : path));
      const headers = headersFor(rules, path);
      if (!file.startsWith(siteDir) || !(await stat(file).catch(() => undefined))?.isFile()) {
        res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      const accepted = String(req.headers['accept-encoding'] ?? '');
      const variants: Array<[string, string]> = [
        ['br', `${file}.br`],
        ['gzip', `${file}.gz`],
      ];
      const present = variants.filter(([, variant]) => existsSync(variant));
      const chosen = present.find(([encoding]) => new RegExp(`\\b${encoding}\\b`).test(accepted));
      const body = await readFile(chosen ? chosen[1] : file);
      res.writeHead(200, {
        ...headers,
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        ...(present.length > 0 ? { vary: 'Accept-Encoding' } : {}),
        ...(chosen ? { 'content-encoding': chosen[0] } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch((error: Error) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
