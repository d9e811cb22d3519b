import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOfficeDevCertificate, chooseLocalhostCertificate, type LocalhostCertificate } from '../harness/certificate';

// Temp folders stand in for ~/.office-addin-dev-certs (filled by office-addin-dev-certs's own generator, as
// `npx office-addin-dev-certs install` fills the real one) and for the self-signed certificate's cache.
const root = mkdtempSync(path.join(tmpdir(), 'localhost-certificate-'));
const folder = (name: string) => path.join(root, name);
const generate = (dir: string, days = 30, domains = ['127.0.0.1', 'localhost']) =>
  generateCertificates(path.join(dir, 'ca.crt'), path.join(dir, 'localhost.crt'), path.join(dir, 'localhost.key'), days, domains);

beforeAll(async () => {
  await generate(folder('office'));
  await generate(folder('other'));
  await generate(folder('other-host'), 30, ['example.test']);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A real TLS handshake: a server presenting `certificate`, a client trusting only `trustFile`'s certificate. */
async function handshake(certificate: LocalhostCertificate, ca: string, host: string): Promise<string> {
  const server = createServer({ key: certificate.key, cert: certificate.cert }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', servername: host === '127.0.0.1' ? undefined : host, port, path: '/', ca, headers: { host } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end();
    });
  } finally {
    server.close();
  }
}

describe('the localhost certificate npm start serves', () => {
  it("serves office-addin-dev-certs's certificate when it is installed, trusted through its CA", async () => {
    const chosen = await chooseLocalhostCertificate({ officeDir: folder('office'), selfSignedDir: folder('self-signed') });
    expect(chosen.kind).toBe('office-addin-dev-certs');
    expect(chosen.trustFile).toBe(path.join(folder('office'), 'ca.crt'));
    expect(chosen.description).toMatch(/office-addin-dev-certs's localhost certificate/);
    const ca = readFileSync(chosen.trustFile, 'utf8');
    expect(await handshake(chosen, ca, 'localhost')).toBe('ok');
    expect(await handshake(chosen, ca, '127.0.0.1')).toBe('ok');
    // Another CA does not vouch for it: the check is real.
    await expect(handshake(chosen, readFileSync(path.join(folder('other'), 'ca.crt'), 'utf8'), 'localhost')).rejects.toThrow(/signature failure|unable to verify|self.signed|issuer/i);
  });

  it('falls back to the self-signed certificate when office-addin-dev-certs is not installed, and says why', async () => {
    const chosen = await chooseLocalhostCertificate({ officeDir: folder('nothing-here'), selfSignedDir: folder('self-signed') });
    expect(chosen.kind).toBe('self-signed');
    expect(chosen.trustFile).toBe(path.join(folder('self-signed'), '_cert.pem'));
    expect(chosen.description).toMatch(/self-signed .*not installed \(ca.crt, localhost.crt, localhost.key missing/);
    expect(await handshake(chosen, readFileSync(chosen.trustFile, 'utf8'), 'localhost')).toBe('ok');
  });

  it('refuses an expired certificate', () => {
    const later = new Date(Date.now() + 40 * 24 * 3600 * 1000);
    const check = checkOfficeDevCertificate(folder('office'), later);
    expect(check).toEqual({ ok: false, reason: expect.stringMatching(/expired or not yet valid/) });
    expect(checkOfficeDevCertificate(folder('office'))).toMatchObject({ ok: true });
  });

  it('refuses a certificate another CA issued, a key that is not its own, and one not for localhost', () => {
    const mixed = folder('mixed');
    const mix = (files: Record<string, string>) => {
      rmSync(mixed, { recursive: true, force: true });
      mkdirSync(mixed);
      for (const [name, from] of Object.entries(files)) copyFileSync(path.join(folder(from), name), path.join(mixed, name));
    };
    mix({ 'ca.crt': 'other', 'localhost.crt': 'office', 'localhost.key': 'office' });
    expect(checkOfficeDevCertificate(mixed)).toEqual({ ok: false, reason: 'localhost.crt was not issued by ca.crt' });
    mix({ 'ca.crt': 'office', 'localhost.crt': 'office', 'localhost.key': 'other' });
    expect(checkOfficeDevCertificate(mixed)).toEqual({ ok: false, reason: 'localhost.key is not the key of localhost.crt' });
    expect(checkOfficeDevCertificate(folder('other-host'))).toEqual({ ok: false, reason: 'localhost.crt is not for localhost' });
  });
});
