/**
 * The localhost certificate every local HTTPS server presents (npm start's harness and emulated org, the tests' servers).
 *
 *  - office-addin-dev-certs's, when a developer installed it once (`npx office-addin-dev-certs install`): its CA is in
 *    ~/.office-addin-dev-certs and, on Windows and Mac, in the OS trust store, so Outlook desktop accepts the pane;
 *  - otherwise the self-signed one `vite` (with @vitejs/plugin-basic-ssl) presents, created once and cached under
 *    node_modules/.vite/basic-ssl: for machines where installing a CA is not allowed (the browser asks once per host).
 *
 * Node processes trust the chosen one through NODE_EXTRA_CA_CERTS = `trustFile` (the CA, or the self-signed
 * certificate itself): tests/harness/trust-localhost-certificate.ts and vitest.config.ts.
 */
import { getCertificate } from '@vitejs/plugin-basic-ssl';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** office-addin-dev-certs's folder and file names (its lib/defaults.js), read without loading the package. */
export const OFFICE_DEV_CERTS_DIR = path.join(homedir(), '.office-addin-dev-certs');
const OFFICE_FILES = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' } as const;

export const SELF_SIGNED_DIR = fileURLToPath(new URL('../../node_modules/.vite/basic-ssl', import.meta.url));
export const SELF_SIGNED_FILE = path.join(SELF_SIGNED_DIR, '_cert.pem');

/** The names every local server is reached by (the add-in on localhost, the simulated Outlook on 127.0.0.1). */
const HOST_NAMES = ['localhost'];
const HOST_IPS = ['127.0.0.1'];

export interface LocalhostCertificate {
  kind: 'office-addin-dev-certs' | 'self-signed';
  key: string;
  cert: string;
  /** The PEM file Node must trust (NODE_EXTRA_CA_CERTS) to reach these servers with certificate checks on. */
  trustFile: string;
  /** One line for start-up output: which certificate, and why. */
  description: string;
}

export type OfficeDevCertificateCheck = { ok: true; key: string; cert: string; caFile: string } | { ok: false; reason: string };

/**
 * office-addin-dev-certs's localhost certificate in `dir`, if it is one a server can present: all three files there,
 * the certificate issued by that CA, valid now (both), for localhost and 127.0.0.1, and the key its own.
 */
export function checkOfficeDevCertificate(dir: string = OFFICE_DEV_CERTS_DIR, now: Date = new Date()): OfficeDevCertificateCheck {
  const files = { ca: path.join(dir, OFFICE_FILES.ca), cert: path.join(dir, OFFICE_FILES.cert), key: path.join(dir, OFFICE_FILES.key) };
  const missing = Object.values(files).filter((file) => !existsSync(file));
  if (missing.length) return { ok: false, reason: `not installed (${missing.map((f) => path.basename(f)).join(', ')} missing in ${dir})` };
  try {
    const caPem = readFileSync(files.ca, 'utf8');
    const certPem = readFileSync(files.cert, 'utf8');
    const keyPem = readFileSync(files.key, 'utf8');
    const ca = new X509Certificate(caPem);
    const cert = new X509Certificate(certPem);
    if (!ca.ca) return { ok: false, reason: `${OFFICE_FILES.ca} is not a CA certificate` };
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return { ok: false, reason: `${OFFICE_FILES.cert} was not issued by ${OFFICE_FILES.ca}` };
    for (const [name, x509] of [
      [OFFICE_FILES.ca, ca],
      [OFFICE_FILES.cert, cert],
    ] as const) {
      if (now < new Date(x509.validFrom) || now > new Date(x509.validTo))
        return { ok: false, reason: `${name} expired or not yet valid (valid ${x509.validFrom} to ${x509.validTo}): run npx office-addin-dev-certs install again` };
    }
    for (const name of HOST_NAMES) if (!cert.checkHost(name, { wildcards: false })) return { ok: false, reason: `${OFFICE_FILES.cert} is not for ${name}` };
    for (const ip of HOST_IPS) if (!cert.checkIP(ip)) return { ok: false, reason: `${OFFICE_FILES.cert} is not for ${ip}` };
    if (!cert.checkPrivateKey(createPrivateKey(keyPem))) return { ok: false, reason: `${OFFICE_FILES.key} is not the key of ${OFFICE_FILES.cert}` };
    return { ok: true, key: keyPem, cert: certPem, caFile: files.ca };
  } catch (error) {
    return { ok: false, reason: `unreadable (${(error as Error).message})` };
  }
}

/** The self-signed certificate, created or renewed in `dir` when missing or stale (the same call vite's plugin makes). */
export async function selfSignedCertificate(dir: string = SELF_SIGNED_DIR): Promise<{ key: string; cert: string; file: string }> {
  const pem = await getCertificate(dir, 'outlook-addin-dev', ['localhost', '127.0.0.1']);
  // A new certificate is cached without waiting for the write: write it here, so trustFile exists when returned.
  const file = path.join(dir, '_cert.pem');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== pem) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, pem);
  }
  // The cached file holds the private key and the certificate together; Node picks each block by its header.
  return { key: pem, cert: pem, file };
}

/** Chooses office-addin-dev-certs's certificate when it is usable, otherwise the self-signed one. */
export async function chooseLocalhostCertificate(options: { officeDir?: string; selfSignedDir?: string; now?: Date } = {}): Promise<LocalhostCertificate> {
  const office = checkOfficeDevCertificate(options.officeDir, options.now);
  if (office.ok) {
    return {
      kind: 'office-addin-dev-certs',
      key: office.key,
      cert: office.cert,
      trustFile: office.caFile,
      description: `office-addin-dev-certs's localhost certificate (CA ${office.caFile}): Outlook desktop accepts it where that CA is installed`,
    };
  }
  const selfSigned = await selfSignedCertificate(options.selfSignedDir);
  return {
    kind: 'self-signed',
    key: selfSigned.key,
    cert: selfSigned.cert,
    trustFile: selfSigned.file,
    description: `the self-signed localhost certificate (office-addin-dev-certs: ${office.reason}); browsers ask to accept it, Outlook desktop refuses it`,
  };
}

/** The certificate the local servers present (see the top of this file). */
export async function getLocalhostCertificate(): Promise<LocalhostCertificate> {
  return chooseLocalhostCertificate();
}
