import { normalizeCustomDomain } from '../auth/salesforce-hosts';
import { realTimers, withDeadline, type Timers } from '../salesforce/connection/deadline';

/**
 * Settings read at start-up from `public/config.json`, so a deployment or a test points the add-in at any org
 * without a rebuild. `parseRuntimeConfig` is pure; `loadRuntimeConfig` fetches it within a deadline.
 */
export interface SalesforceLoginChoice {
  /** Shown on the welcome screen: "Production", "Sandbox", "My Domain". */
  label: string;
  /** Base URL of the org's login/My Domain host, no trailing slash. */
  loginUrl: string;
}

export interface RuntimeConfig {
  salesforce: {
    /** Default login host (My Domain in production, the emulator in the demo). */
    loginUrl: string;
    /** Extra hosts the seller may choose from (sandbox, production). Empty: no choice shown. */
    loginChoices: SalesforceLoginChoice[];
    clientId: string;
    /** Absolute URL of `auth-callback.html` on the add-in's origin; must match the External Client App exactly. */
    redirectUri: string;
    /** e.g. "62.0" */
    apiVersion: string;
    /** Milliseconds before a Salesforce call is given up as a timeout. */
    requestTimeoutMs: number;
    /**
     * Host names outside Salesforce's own domains that may receive the sign-in and tokens (a custom login domain),
     * exact names only. Empty: only Salesforce domains (src/auth/salesforce-hosts.ts).
     */
    customDomains?: string[];
  };
  /** Absent: the add-in runs without Microsoft sign-in. */
  microsoft?: {
    clientId: string;
    authority: string;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function str(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(`config.json: "${field}" must be a non-empty string`);
  return value.trim();
}

function url(value: unknown, field: string): string {
  const text = str(value, field);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new ConfigError(`config.json: "${field}" is not a URL`);
  }
  const loopback = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
  if (parsed.protocol !== 'https:' && !(loopback && parsed.protocol === 'http:')) {
    throw new ConfigError(`config.json: "${field}" must use https`);
  }
  return text.replace(/\/+$/, '');
}

export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (!raw || typeof raw !== 'object') throw new ConfigError('config.json must hold a JSON object');
  const sf = (raw as { salesforce?: Record<string, unknown> }).salesforce;
  if (!sf || typeof sf !== 'object') throw new ConfigError('config.json: "salesforce" is missing');
  const apiVersion = str(sf.apiVersion ?? '62.0', 'salesforce.apiVersion');
  if (!/^\d{2,3}\.0$/.test(apiVersion)) throw new ConfigError('config.json: "salesforce.apiVersion" must look like "62.0"');
  const choices = Array.isArray(sf.loginChoices) ? sf.loginChoices : [];
  const timeout = sf.requestTimeoutMs === undefined ? 20000 : Number(sf.requestTimeoutMs);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ConfigError('config.json: "salesforce.requestTimeoutMs" must be a positive number');
  const ms = (raw as { microsoft?: Record<string, unknown> }).microsoft;
  if (sf.customDomains !== undefined && !Array.isArray(sf.customDomains)) throw new ConfigError('config.json: "salesforce.customDomains" must be a list of host names');
  const customDomains = ((sf.customDomains as unknown[] | undefined) ?? []).map((value, i) => {
    const name = typeof value === 'string' ? normalizeCustomDomain(value) : undefined;
    if (!name) throw new ConfigError(`config.json: "salesforce.customDomains[${i}]" must be a host name such as login.example.com (no scheme, port, path, wildcard or IP address)`);
    return name;
  });
  return {
    salesforce: {
      loginUrl: url(sf.loginUrl, 'salesforce.loginUrl'),
      loginChoices: choices.map((c: unknown, i: number) => {
        const choice = (c ?? {}) as Record<string, unknown>;
        return { label: str(choice.label, `salesforce.loginChoices[${i}].label`), loginUrl: url(choice.loginUrl, `salesforce.loginChoices[${i}].loginUrl`) };
      }),
      clientId: str(sf.clientId, 'salesforce.clientId'),
      redirectUri: url(sf.redirectUri, 'salesforce.redirectUri'),
      apiVersion,
      requestTimeoutMs: timeout,
      customDomains,
    },
    microsoft:
      ms && typeof ms === 'object' && ms.clientId && ms.authority
        ? { clientId: str(ms.clientId, 'microsoft.clientId'), authority: url(ms.authority, 'microsoft.authority') }
        : undefined,
  };
}

/** config.json is on the add-in's own origin: a host that answers in 10 s answers, one that does not never will. */
export const CONFIG_DEADLINE_MS = 10_000;

export interface LoadRuntimeConfigOptions {
  fetch: typeof fetch;
  url: string | URL;
  timeoutMs?: number;
  timers?: Timers;
}

/**
 * Fetches and parses config.json. The deadline covers the headers and the body: a server that sends headers and
 * then stalls would otherwise leave the pane on its start-up spinner for good.
 */
export async function loadRuntimeConfig(options: LoadRuntimeConfigOptions): Promise<RuntimeConfig> {
  const timeoutMs = options.timeoutMs ?? CONFIG_DEADLINE_MS;
  const controller = typeof AbortController === 'undefined' ? undefined : new AbortController();
  const work = (async () => {
    // no-store: a deployment (or a test) changes config.json without a rebuild, and a cached copy would hide that.
    const response = await options.fetch(options.url, { cache: 'no-store', ...(controller ? { signal: controller.signal } : {}) });
    if (!response.ok) throw new ConfigError(`config.json could not be loaded (HTTP ${response.status})`);
    let raw: unknown;
    try {
      raw = await response.json();
    } catch {
      throw new ConfigError('config.json is not valid JSON');
    }
    return parseRuntimeConfig(raw);
  })();
  return withDeadline(
    work,
    timeoutMs,
    () => {
      controller?.abort();
      return new ConfigError(`config.json did not arrive within ${Math.round(timeoutMs / 1000)} s`);
    },
    options.timers ?? realTimers,
  );
}
