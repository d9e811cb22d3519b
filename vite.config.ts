import basicSsl from '@vitejs/plugin-basic-ssl';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { nodePolyfills } from 'vite-plugin-node-polyfills';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// index.html lives in src/ so the app's root is its own folder; public/ (config.json, icons) is copied
// as-is beside the build. The dev server must be HTTPS: Office refuses to load a task pane over plain HTTP.
export default defineConfig({
  root: here('./src'),
  publicDir: here('./public'),
  // Shared with tests/harness/certificate.ts, so `npm start` and `vite` present the same self-signed certificate.
  cacheDir: here('./node_modules/.vite'),
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    sourcemap: true,
    // The pane; the page MSAL's standard popup returns to (src/auth/microsoft/redirect-bridge-page.ts) and MSAL's popup
    // relay (src/auth/microsoft/popup-relay-page.ts), which carries the answer across the pane's storage partition:
    // those two pull in only MSAL's small bridge and relay, the pane keeps msal-browser lazy. The Salesforce sign-in
    // dialog's two pages (src/auth/dialog/) share the pane's URL builder and host check.
    rollupOptions: {
      input: {
        index: here('./src/index.html'),
        'msal-redirect': here('./src/msal-redirect.html'),
        'msal-popup-relay': here('./src/msal-popup-relay.html'),
        'auth-start': here('./src/auth-start.html'),
        'auth-callback': here('./src/auth-callback.html'),
      },
    },
  },
  server: { port: 3000, strictPort: true },
  preview: { port: 3000, strictPort: true },
  plugins: [
    react(),
    // jsforce's browser build still requires a few Node core modules. It is loaded with a dynamic import by the
    // connection wrapper, so these polyfills land in its lazy chunk, not in the first paint.
    nodePolyfills({
      include: ['events', 'stream', 'buffer', 'process', 'querystring', 'timers', 'util'],
      globals: { Buffer: true, process: true, global: true },
      protocolImports: true,
    }),
    basicSsl({ name: 'outlook-addin-dev', domains: ['localhost', '127.0.0.1'] }),
  ],
});
