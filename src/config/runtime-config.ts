import { ConfigError } from './config-error';
import { parseCrmConfig, type CrmConfig } from './crm-config';
import { normalizeCustomDomain } from './host-names';
import { realTimers, withDeadline, type Timers } from '../shared/deadline';
import { createLogger } from '../shared/logger';

const log = createLogger('config');

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
    /**
     * Optional: the org's External ID field (a custom text field marked External ID) per object. Where one is named,
     * the outbox creates that object by upsert on a key it generates per entry (PATCH /sobjects/<T>/<field>/<key>), so
     * a write that landed before a timeout is never made twice; elsewhere it checks, then creates.
     */
    externalIdFields?: ExternalIdFields;
    /** The admin's objects, card fields, editable and required fields, and email fields to match on (crm-config.ts). */
    crm?: CrmConfig;
  };
  /** Search and link: objects the admin adds to the built-in ones (accounts, contacts, leads, opportunities, cases). */
  search?: SearchConfig;
  /** Absent: the add-in runs without Microsoft sign-in. */
  microsoft?: {
    clientId: string;
    authority: string;
  };
}

/** One object the admin adds to search: its API name, the field shown as its name, and optionally one more. */
export interface SearchObjectConfig {
  name: string;
  label: string;
  nameField: string;
  detailField?: string;
}

export interface SearchConfig {
  objects: SearchObjectConfig[];
}

/** The objects the outbox creates. */
export type ExternalIdObject = 'Task' | 'Contact';
export type ExternalIdFields = Partial<Record<ExternalIdObject, string>>;

/**
 * Upper bound of `requestTimeoutMs`. The outbox's send lease (outbox-transitions.ts SEND_LEASE_MS) must outlast one
 * attempt, which is at most two calls (check, then create), each bounded by this deadline: a longer deadline would let
 * another pane take over an entry whose attempt is still in flight, and send it twice.
 */
export const MAX_REQUEST_TIMEOUT_MS = 40_000;

export { ConfigError };

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
    // Parsing config.json is reading input: the field's name says what to fix, the URL parser's words add nothing.
    throw new ConfigError(`config.json: "${field}" is not a URL`);
  }
  const loopback = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
  if (parsed.protocol !== 'https:' && !(loopback && parsed.protocol === 'http:')) {
    throw new ConfigError(`config.json: "${field}" must use https`);
  }
  return text.replace(/\/+$/, '');
}

/** A custom field's API name, namespaced or not (External ID fields are custom fields). */
const CUSTOM_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,79}__c$/;

function externalIdFieldsOf(raw: unknown): { externalIdFields?: ExternalIdFields } {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError('config.json: "salesforce.externalIdFields" must be an object like {"Task": "Outlook_Key__c"}');
  const fields: ExternalIdFields = {};
  for (const [object, field] of Object.entries(raw as Record<string, unknown>)) {
    if (object !== 'Task' && object !== 'Contact')
      throw new ConfigError(`config.json: "salesforce.externalIdFields" names ${JSON.stringify(object.slice(0, 40))}; only Task and Contact are written`);
    if (typeof field !== 'string' || !CUSTOM_FIELD.test(field.trim())) {
      throw new ConfigError(`config.json: "salesforce.externalIdFields.${object}" must be a custom field's API name ending in __c`);
    }
    fields[object] = field.trim();
  }
  return Object.keys(fields).length > 0 ? { externalIdFields: fields } : {};
}

const API_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const BUILT_IN_SEARCH_OBJECTS = ['account', 'contact', 'lead', 'opportunity', 'case'];
/** SOSL's RETURNING takes a handful of objects well; more makes every search slower for every seller. */
export const MAX_EXTRA_SEARCH_OBJECTS = 5;

function searchConfigOf(raw: unknown): { search?: SearchConfig } {
  if (raw === undefined || raw === null) return {};
  const objects = (raw as { objects?: unknown }).objects;
  if (typeof raw !== 'object' || Array.isArray(raw) || !Array.isArray(objects)) {
    throw new ConfigError('config.json: "search" must be an object like {"objects": [{"name": "Project__c", "label": "Project"}]}');
  }
  if (objects.length > MAX_EXTRA_SEARCH_OBJECTS) throw new ConfigError(`config.json: "search.objects" may name at most ${MAX_EXTRA_SEARCH_OBJECTS} objects`);
  const seen = new Set<string>();
  const parsed = objects.map((value: unknown, i: number): SearchObjectConfig => {
    const entry = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    const at = `search.objects[${i}]`;
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    if (!API_NAME.test(name)) throw new ConfigError(`config.json: "${at}.name" must be an object's API name, such as Project__c`);
    if (BUILT_IN_SEARCH_OBJECTS.includes(name.toLowerCase())) throw new ConfigError(`config.json: "${at}.name" ${name} is searched already`);
    if (seen.has(name.toLowerCase())) throw new ConfigError(`config.json: "${at}.name" ${name} is named twice`);
    seen.add(name.toLowerCase());
    const field = (key: string, fallback?: string): string | undefined => {
      const v = entry[key] ?? fallback;
      if (v === undefined) return undefined;
      if (typeof v !== 'string' || !API_NAME.test(v.trim())) throw new ConfigError(`config.json: "${at}.${key}" must be a field's API name`);
      return v.trim();
    };
    const detailField = field('detailField');
    return { name, label: str(entry.label ?? name, `${at}.label`).slice(0, 40), nameField: field('nameField', 'Name') ?? 'Name', ...(detailField ? { detailField } : {}) };
  });
  return { search: { objects: parsed } };
}

export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (!raw || typeof raw !== 'object') throw new ConfigError('config.json must hold a JSON object');
  const sf = (raw as { salesforce?: Record<string, unknown> }).salesforce;
  if (!sf || typeof sf !== 'object') throw new ConfigError('config.json: "salesforce" is missing');
  const apiVersion = str(sf.apiVersion ?? '62.0', 'salesforce.apiVersion');
  if (!/^\d{2,3}\.0$/.test(apiVersion)) throw new ConfigError('config.json: "salesforce.apiVersion" must look like "62.0"');
  const choices = Array.isArray(sf.loginChoices) ? sf.loginChoices : [];
  const rawTimeout = sf.requestTimeoutMs;
  // Number() of an object without a prototype (or a Symbol) throws: only numbers and numeric strings are read.
  const timeout = rawTimeout === undefined ? 20000 : typeof rawTimeout === 'number' || typeof rawTimeout === 'string' ? Number(rawTimeout) : NaN;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ConfigError('config.json: "salesforce.requestTimeoutMs" must be a positive number');
  if (timeout > MAX_REQUEST_TIMEOUT_MS) throw new ConfigError(`config.json: "salesforce.requestTimeoutMs" must be at most ${MAX_REQUEST_TIMEOUT_MS}`);
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
      ...externalIdFieldsOf(sf.externalIdFields),
      crm: parseCrmConfig(sf),
    },
    ...searchConfigOf((raw as { search?: unknown }).search),
    microsoft:
      ms && typeof ms === 'object' && ms.clientId && ms.authority ? { clientId: str(ms.clientId, 'microsoft.clientId'), authority: url(ms.authority, 'microsoft.authority') } : undefined,
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
    } catch (error) {
      // A body cut off on the way reads as "not JSON" too: the trace tells them apart.
      log.debug('config.json could not be read as JSON', error);
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
