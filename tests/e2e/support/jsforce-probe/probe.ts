// Built with the project's own vite.config.ts (same plugins and polyfills) and run in real Chromium: proves jsforce's
// browser build loads lazily and talks HTTP without a Node-only module missing. Loaded like the connection wrapper
// loads it, with a dynamic import.
interface ProbeResult {
  imported: boolean;
  constructed: boolean;
  version?: string;
  queryError?: { name: string; errorCode?: string; message: string };
  error?: string;
}

async function probe(): Promise<ProbeResult> {
  const result: ProbeResult = { imported: false, constructed: false };
  const params = new URLSearchParams(location.search);
  try {
    const { Connection } = await import('jsforce');
    result.imported = true;
    const conn = new Connection({ instanceUrl: params.get('instanceUrl') ?? 'https://example.invalid', accessToken: 'not-a-valid-token', version: '62.0' });
    result.constructed = true;
    result.version = conn.version;
    if (params.get('instanceUrl')) {
      try {
        await conn.query('SELECT Id FROM Contact LIMIT 1');
      } catch (error) {
        const e = error as { name?: string; errorCode?: string; message?: string };
        result.queryError = { name: String(e.name), errorCode: e.errorCode, message: String(e.message) };
      }
    }
  } catch (error) {
    result.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  return result;
}

void probe().then((result) => {
  (window as unknown as { __jsforceProbe: ProbeResult }).__jsforceProbe = result;
  document.getElementById('out')!.textContent = JSON.stringify(result, null, 2);
});
