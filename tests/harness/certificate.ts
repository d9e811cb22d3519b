import { getCertificate } from '@vitejs/plugin-basic-ssl';
import { fileURLToPath } from 'node:url';

/**
 * The self-signed certificate for localhost, the same one `vite` (with @vitejs/plugin-basic-ssl) presents: created
 * once and cached under node_modules/.vite/basic-ssl, so a newcomer accepts a single certificate for both.
 */
export async function getLocalhostCertificate(): Promise<{ key: string; cert: string }> {
  const cacheDir = fileURLToPath(new URL('../../node_modules/.vite/basic-ssl', import.meta.url));
  const pem = await getCertificate(cacheDir, 'outlook-addin-dev', ['localhost', '127.0.0.1']);
  // The cached file holds the private key and the certificate together; Node picks each block by its header.
  return { key: pem, cert: pem };
}
