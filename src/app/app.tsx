/**
 * The root component: FluentProvider following Outlook's theme (light, dark, high contrast), a live-region announcer
 * so message bars are read out, and the shell. The pane paints at once; the app state is built per Microsoft
 * account by the app session (see app-session.ts) and rebuilt when the account changes.
 */
import { AriaLiveAnnouncer, FluentProvider, Spinner, type Theme } from '@fluentui/react-components';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { MicrosoftAuth } from '../auth/microsoft';
import type { RuntimeConfig } from '../config/runtime-config';
import type { OfficeHost } from '../host/office-host';
import { resolveLocale, shellStrings } from '../i18n/strings';
import { createAppSession, type AppSession } from './app-session';
import { firstPaintTheme, loadFluentTheme } from './fluent-theme';
import { appOptionsFor, createAppMicrosoftAuth } from './prepare-app-options';
import { preloadLoginChoice } from '../features/sign-in/welcome-screen';
import { Shell } from './shell';
import { browserEnvironment, createAppServices, type AppOptions, type AppServices } from './start-app';

export interface AppProps {
  host: OfficeHost;
  config: RuntimeConfig;
  /** Built from host + config + the browser when absent. */
  services?: AppServices;
  options?: AppOptions;
  /** Built and started before React mounted (`startPane`, main.tsx); built here when absent. */
  pane?: Pane;
  /** Outlook's theme, loaded before the first paint (main.tsx); loaded here when absent (light until it arrives). */
  theme?: Theme;
}

export interface Pane {
  session: AppSession<AppServices>;
  microsoft: MicrosoftAuth | undefined;
}

function createPane({ host, config, services: given, options }: AppProps): Pane {
  const env = browserEnvironment();
  const microsoft = given || options ? undefined : createAppMicrosoftAuth(config, { baseUrl: env.baseUrl, isSetSupported: (n, v) => host.isSetSupported(n, v) });
  const session = createAppSession<AppServices>({
    microsoft,
    build: (accountKey) => given ?? createAppServices(host, config, env, options ?? appOptionsFor(microsoft, accountKey)),
  });
  return { session, microsoft };
}

/**
 * The pane's app state, its start-up already running: the stored session is read and its token refresh sent while
 * React renders for the first time, instead of after (issue 14). Starting again (the App's effect) is a no-op.
 */
export function startPane(props: Omit<AppProps, 'pane'>): Pane {
  const pane = createPane(props);
  void pane.session.start();
  if (props.config.salesforce.loginChoices.length > 0) preloadLoginChoice();
  return pane;
}

export function App(props: AppProps) {
  const { host } = props;
  const [theme, setTheme] = useState(() => props.theme ?? firstPaintTheme);
  // One pane, one session, even when StrictMode runs effects twice: it lives as long as the pane.
  const pane = useRef<Pane | undefined>(undefined);
  pane.current ??= props.pane ?? createPane(props);
  const { session } = pane.current;
  // The ref is read only for this one-time lazy start (React's "avoiding recreating the ref contents"), which the
  // refs rule cannot tell apart from state kept in a ref. useState's initializer would build the pane twice under
  // StrictMode.
  // eslint-disable-next-line react-hooks/refs
  const current = useSyncExternalStore(session.subscribe, session.snapshot, session.snapshot);

  const themeGiven = props.theme !== undefined;
  useEffect(() => {
    // The latest theme change wins, whichever chunk arrives first.
    let latest = 0;
    const follow = () => {
      const request = ++latest;
      void loadFluentTheme(host.theme()).then((loaded) => request === latest && setTheme(loaded));
    };
    if (!themeGiven) follow();
    const stop = host.onThemeChanged(follow);
    return () => {
      latest = -1;
      stop();
    };
  }, [host, themeGiven]);
  useEffect(() => {
    void session.start();
    // eslint-disable-next-line react-hooks/refs -- the same one-time pane as above
  }, [session]);

  const services = current?.services;
  return (
    <FluentProvider theme={theme} lang={resolveLocale(services?.locale ?? host.displayLanguage)} style={{ minHeight: '100vh' }}>
      <AriaLiveAnnouncer>
        {current && services ? (
          <Shell key={current.generation} services={services} />
        ) : (
          <Spinner style={{ padding: 32 }} label={shellStrings(host.displayLanguage).starting} data-testid="starting" />
        )}
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
