/**
 * The root component: FluentProvider following Outlook's theme (light, dark, high contrast), a live-region announcer
 * so message bars are read out, and the shell. The adapters are built once per pane from the host and the config.
 */
import { AriaLiveAnnouncer, FluentProvider } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { RuntimeConfig } from '../config/runtime-config';
import type { OfficeHost } from '../host/office-host';
import { resolveLocale } from '../i18n/strings';
import { fluentThemeFor } from './fluent-theme';
import { Shell } from './shell';
import { browserEnvironment, createAppServices, type AppOptions, type AppServices } from './start-app';
import { defaultAppOptions } from './default-app-options';

export interface AppProps {
  host: OfficeHost;
  config: RuntimeConfig;
  /** Built from host + config + the browser when absent. */
  services?: AppServices;
  options?: AppOptions;
}

export function App({ host, config, services: given, options }: AppProps) {
  const [services] = useState<AppServices>(() => given ?? createAppServices(host, config, browserEnvironment(), options ?? defaultAppOptions()));
  const [theme, setTheme] = useState(() => fluentThemeFor(host.theme()));

  useEffect(() => host.onThemeChanged(() => setTheme(fluentThemeFor(host.theme()))), [host]);

  // start() runs once per controller, so StrictMode's second effect is harmless.
  useEffect(() => void services.auth.start(), [services]);

  return (
    <FluentProvider theme={theme} lang={resolveLocale(services.locale)} style={{ minHeight: '100vh' }}>
      <AriaLiveAnnouncer>
        <Shell services={services} />
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
