import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startPane } from './app/app';
import { loadFluentTheme } from './app/fluent-theme';
import { loadRuntimeConfig, type RuntimeConfig } from './config/runtime-config';
import { createOfficeHost, OfficeUnavailableError, waitForOffice } from './host';

// The thin entry: wait for Outlook, read the runtime config, hand both to the app. Everything else lives in app/.

function loadConfig(): Promise<RuntimeConfig> {
  return loadRuntimeConfig({ fetch: (input, init) => fetch(input, init), url: new URL('config.json', document.baseURI) });
}

function StartupError({ title, detail }: { title: string; detail?: string }) {
  return (
    <main role="alert" data-testid="startup-error" style={{ fontFamily: 'Segoe UI, system-ui, sans-serif', padding: 16 }}>
      <h1 style={{ fontSize: 18 }}>{title}</h1>
      {detail ? <p>{detail}</p> : null}
    </main>
  );
}

async function start(): Promise<void> {
  // config.json needs nothing from Office: fetched while office.js initialises, not after it. Its failure is
  // reported below, after Office's (a page opened outside Outlook says so first).
  const configLoad = loadConfig();
  configLoad.catch(() => undefined);
  const root = createRoot(document.getElementById('root')!);
  try {
    await waitForOffice();
  } catch (error) {
    const detail = error instanceof OfficeUnavailableError ? 'This page runs inside Outlook as an add-in.' : String(error);
    root.render(<StartupError title="Open this add-in from Outlook" detail={detail} />);
    return;
  }
  const host = createOfficeHost();
  // Dark and high contrast come in their own chunk (light is in this one): fetched while config.json is awaited.
  const theme = loadFluentTheme(host.theme());
  theme.catch(() => undefined);
  let config: RuntimeConfig;
  try {
    config = await configLoad;
  } catch (error) {
    root.render(<StartupError title="The add-in is not configured" detail={error instanceof Error ? error.message : String(error)} />);
    return;
  }
  // Start-up (storage, the stored session, its token refresh) begins before React's first render, not after it.
  const pane = startPane({ host, config });
  // A theme chunk that fails to load leaves the pane light rather than blank.
  const loaded = await theme.catch(() => undefined);
  root.render(
    <StrictMode>
      <App host={host} config={config} pane={pane} theme={loaded} />
    </StrictMode>,
  );
}

void start();
