/**
 * The root component: FluentProvider following Outlook's theme (light, dark, high contrast), a live-region announcer
 * so message bars are read out, and the shell. The adapters are built once per pane from the host and the config.
 */
import { AriaLiveAnnouncer, FluentProvider, Spinner } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { RuntimeConfig } from '../config/runtime-config';
import type { OfficeHost } from '../host/office-host';
import { resolveLocale, shellStrings } from '../i18n/strings';
import { fluentThemeFor } from './fluent-theme';
import { Shell } from './shell';
import { browserEnvironment, createAppServices, type AppOptions, type AppServices } from './start-app';
import { prepareAppOptions } from './prepare-app-options';

export interface AppProps {
  host: OfficeHost;
  config: RuntimeConfig;
  /** Built from host + config + the browser when absent. */
  services?: AppServices;
  options?: AppOptions;
}

export function App({ host, config, services: given, options }: AppProps) {
  const [services, setServices] = useState<AppServices | undefined>(given);
  const [theme, setTheme] = useState(() => fluentThemeFor(host.theme()));
  // One preparation per pane, even when StrictMode runs the effect twice.
  const preparing = useRef<Promise<AppServices> | undefined>(undefined);

  useEffect(() => host.onThemeChanged(() => setTheme(fluentThemeFor(host.theme()))), [host]);

  useEffect(() => {
    if (services) return;
    let live = true;
    preparing.current ??= (async () => {
      const env = browserEnvironment();
      const prepared = options ?? (await prepareAppOptions(config, { baseUrl: env.baseUrl }));
      return createAppServices(host, config, env, prepared);
    })();
    void preparing.current.then((ready) => {
      if (live) setServices(ready);
    });
    return () => {
      live = false;
    };
  }, [services, host, config, options]);

  // start() runs once per controller, so StrictMode's second effect is harmless.
  useEffect(() => {
    if (services) void services.auth.start();
  }, [services]);

  return (
    <FluentProvider theme={theme} lang={resolveLocale(services?.locale ?? host.displayLanguage)} style={{ minHeight: '100vh' }}>
      <AriaLiveAnnouncer>
        {services ? <Shell services={services} /> : <Spinner style={{ padding: 32 }} label={shellStrings(host.displayLanguage).starting} data-testid="starting" />}
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
