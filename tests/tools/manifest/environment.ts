/**
 * Where a manifest is for: the environment's name, the add-in's origin, its runtime config (the Salesforce login
 * hosts the sign-in dialog may go to) and the one version number, package.json's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRuntimeConfig, type RuntimeConfig } from '../../../src/config/runtime-config';
import { ADDIN } from './addin';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const ENVIRONMENT_NAMES = ['dev', 'staging', 'production'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

/** The development origin: the harness and the Vite dev server (tests/harness/start.ts), and public/config.json's. */
export const DEV_ORIGIN = 'https://localhost:3000';

export interface ManifestEnvironment {
  name: EnvironmentName;
  /** https origin serving dist/ (no path). */
  origin: string;
  /** package.json's version, x.y.z. */
  version: string;
  /** The config.json deployed with it, when known: its login hosts join AppDomains and the validators check it. */
  config?: RuntimeConfig;
}

/** package.json's `version`: the one version number of the add-in and both manifests. */
export function packageVersion(packageJsonPath = path.join(REPO_ROOT, 'package.json')): string {
  const version = (JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')) as { version?: unknown }).version;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json version ${JSON.stringify(version)} must be x.y.z (Office needs numbers only)`);
  return version;
}

/** The XML manifest's <Version>: four numbers. */
export const xmlVersion = (version: string) => `${version}.0`;

export function readConfig(file: string): RuntimeConfig {
  return parseRuntimeConfig(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** An https origin, without path: the only form Office takes for the add-in's own host. */
export function parseOrigin(host: string): string {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new Error(`--host ${host} is not a URL: give the add-in's origin, e.g. https://addin.example.com`);
  }
  if (url.protocol !== 'https:') throw new Error(`--host ${host} must be https: Office loads no add-in over http`);
  if (url.pathname !== '/' || url.search || url.hash || url.username) throw new Error(`--host ${host} must be an origin only (no path): dist/ is served at its root`);
  return url.origin;
}

/**
 * dev: https://localhost:3000 and public/config.json unless told otherwise; staging and production need their host
 * (and take their config.json when given).
 */
export function resolveEnvironment(options: { env: string; host?: string; configFile?: string; version?: string }): ManifestEnvironment {
  if (!(ENVIRONMENT_NAMES as readonly string[]).includes(options.env)) throw new Error(`--env ${options.env}: use one of ${ENVIRONMENT_NAMES.join(', ')}`);
  const name = options.env as EnvironmentName;
  if (name !== 'dev' && !options.host) throw new Error(`--env ${name} needs --host https://<the add-in's host>`);
  const origin = parseOrigin(options.host ?? DEV_ORIGIN);
  const configFile = options.configFile ?? (name === 'dev' ? path.join(REPO_ROOT, 'public', 'config.json') : undefined);
  return { name, origin, version: options.version ?? packageVersion(), config: configFile ? readConfig(configFile) : undefined };
}

const isLoopback = (hostname: string) => hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';

/**
 * Origins the sign-in dialog may go to: Salesforce's generic login hosts and every login host of the config (its My
 * Domain, the login choices). Loopback hosts (the emulated org) need no AppDomain and get none.
 */
export function loginOrigins(environment: ManifestEnvironment): string[] {
  const fromConfig = environment.config ? [environment.config.salesforce.loginUrl, ...environment.config.salesforce.loginChoices.map((c) => c.loginUrl)] : [];
  const origins: string[] = [...ADDIN.salesforceLoginOrigins];
  for (const url of fromConfig) {
    const parsed = new URL(url);
    if (isLoopback(parsed.hostname)) continue;
    if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
  }
  return origins;
}

/** An absolute URL on the add-in's origin. */
export const onAddin = (environment: ManifestEnvironment, urlPath: string) => `${environment.origin}${urlPath}`;
