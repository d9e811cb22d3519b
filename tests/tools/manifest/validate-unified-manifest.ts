/**
 * Checks a unified JSON manifest offline:
 *
 *  - against its published JSON schema (the version its `manifestVersion` names), as shipped in
 *    @microsoft/app-manifest, with ajv and ajv-formats in the draft the schema declares (the Teams schemas say
 *    draft-04: ajv-draft-04, which @microsoft/app-manifest's own validator uses for them);
 *  - what the schema cannot say: an Outlook (mail) extension, every ribbon button opens an action a runtime has, the
 *    add-in's URLs are https on one origin that validDomains lists, the files it names on that origin exist (icons
 *    at their size), and the app package's icons are PNGs of the required size (color 192x192, outline 32x32).
 *
 * Microsoft's online validator needs the network; this one never does.
 */
import Ajv from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { pngSize } from '../validate-manifest';

// The schemas as @microsoft/app-manifest ships them, wherever npm put the package.
const require = createRequire(import.meta.url);
const SCHEMA_DIR = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const compiled = new Map<string, ValidateFunction>();

/** The compiled schema for a manifestVersion, e.g. '1.24'; undefined when no such schema ships. */
export function unifiedSchemaValidator(manifestVersion: string): ValidateFunction | undefined {
  const cached = compiled.get(manifestVersion);
  if (cached) return cached;
  const file = path.join(SCHEMA_DIR, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!/^\d+\.\d+$/.test(manifestVersion) || !fs.existsSync(file)) return undefined;
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { $schema?: string };
  const draft04 = schema.$schema?.includes('draft-04') ?? false;
  const options = { allErrors: true, strictTypes: false, strict: false } as const;
  const ajv = draft04 ? new Ajv04(options) : new Ajv(options);
  addFormats(ajv);
  const validate = ajv.compile(schema);
  compiled.set(manifestVersion, validate);
  return validate;
}

export interface UnifiedValidateOptions {
  /** Reads a file served at `urlPath` on the add-in's origin; skipped when absent. */
  readAsset?: (urlPath: string) => Uint8Array | undefined;
  /** Reads a file of the app package by its relative path (the icons); skipped when absent. */
  readPackageFile?: (relativePath: string) => Uint8Array | undefined;
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Every string value under `value` that looks like a URL, with its JSON path. */
function urlsIn(value: unknown, at: string, out: { at: string; url: string }[] = []): { at: string; url: string }[] {
  if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) out.push({ at, url: value });
  else if (Array.isArray(value)) value.forEach((item, i) => urlsIn(item, `${at}/${i}`, out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) if (key !== '$schema') urlsIn(item, `${at}/${key}`, out);
  return out;
}

/** Every problem found, as messages naming where (JSON pointer); empty when the manifest is good. */
export function validateUnifiedManifest(manifest: unknown, options: UnifiedValidateOptions = {}): string[] {
  const errors: string[] = [];
  const root = asObject(manifest);
  const manifestVersion = String(root.manifestVersion ?? '');
  const validate = unifiedSchemaValidator(manifestVersion);
  if (!validate) return [`manifestVersion ${JSON.stringify(root.manifestVersion)} names no schema shipped in @microsoft/app-manifest`];
  if (!validate(manifest)) {
    for (const e of validate.errors ?? [])
      errors.push(`${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`);
  }
  if (typeof root.$schema === 'string' && !root.$schema.includes(`/v${manifestVersion}/`)) errors.push(`/$schema ${root.$schema} is not the schema of manifestVersion ${manifestVersion}`);

  // An Outlook add-in: one extension for mail, its buttons wired to its runtime's actions.
  const extension = asObject(asArray(root.extensions)[0]);
  const scopes = asArray(asObject(extension.requirements).scopes);
  if (!scopes.includes('mail')) errors.push('/extensions/0/requirements/scopes must include "mail": this is an Outlook add-in');
  const actions = new Set(asArray(extension.runtimes).flatMap((runtime) => asArray(asObject(runtime).actions).map((action) => asObject(action).id)));
  const pages = asArray(extension.runtimes).map((runtime) => asObject(asObject(runtime).code).page);
  if (!pages.some((page) => typeof page === 'string')) errors.push('/extensions/0/runtimes has no runtime with a page: the task pane needs one');
  asArray(extension.ribbons).forEach((ribbon, r) =>
    asArray(asObject(ribbon).tabs).forEach((tab, t) =>
      asArray(asObject(tab).groups).forEach((group, g) =>
        asArray(asObject(group).controls).forEach((control, c) => {
          const actionId = asObject(control).actionId;
          if (!actions.has(actionId)) errors.push(`/extensions/0/ribbons/${r}/tabs/${t}/groups/${g}/controls/${c}/actionId ${JSON.stringify(actionId)} names no action of a runtime`);
        }),
      ),
    ),
  );

  // URLs: https, the add-in's on one origin, listed in validDomains, files that exist.
  const urls = urlsIn(root, '');
  for (const use of urls) if (!use.url.startsWith('https://')) errors.push(`${use.at}: "${use.url}" must use https`);
  const extensionOrigins = new Set(urlsIn(extension, '/extensions/0').map((use) => new URL(use.url).origin));
  if (extensionOrigins.size > 1) errors.push(`the extension's URLs are on several origins (${[...extensionOrigins].join(', ')}); they must share one`);
  const addinOrigin = [...extensionOrigins][0];
  const validDomains = asArray(root.validDomains).map(String);
  if (addinOrigin && !validDomains.includes(new URL(addinOrigin).host)) errors.push(`/validDomains does not list the add-in's host ${new URL(addinOrigin).host}`);
  for (const domain of validDomains) if (domain.includes('/')) errors.push(`/validDomains: "${domain}" must be a host name, without scheme or path`);
  if (options.readAsset && addinOrigin) {
    for (const use of urls) {
      if (new URL(use.url).origin !== addinOrigin) continue;
      const bytes = options.readAsset(new URL(use.url).pathname);
      if (!bytes) errors.push(`${use.at}: ${use.url} names ${new URL(use.url).pathname}, which the add-in does not serve`);
    }
    for (const icon of urlsIn(extension, '/extensions/0').filter((use) => use.at.includes('/icons/') && use.at.endsWith('/url'))) {
      const size = Number(asObject(pointer(root, icon.at.replace(/\/url$/, ''))).size);
      const bytes = options.readAsset(new URL(icon.url).pathname);
      const actual = bytes && pngSize(bytes);
      if (bytes && !actual) errors.push(`${icon.at}: ${icon.url} is not a PNG`);
      else if (actual && (actual.width !== size || actual.height !== size)) errors.push(`${icon.at}: ${icon.url} is ${actual.width}x${actual.height}, expected ${size}x${size}`);
    }
  }

  // The app package's own icons.
  if (options.readPackageFile) {
    const icons = asObject(root.icons);
    for (const [name, size] of [
      ['color', 192],
      ['outline', 32],
    ] as const) {
      if (typeof icons[name] !== 'string') continue;
      const bytes = options.readPackageFile(icons[name]);
      const actual = bytes && pngSize(bytes);
      if (!bytes) errors.push(`/icons/${name}: ${icons[name]} is not in the app package`);
      else if (!actual) errors.push(`/icons/${name}: ${icons[name]} is not a PNG`);
      else if (actual.width !== size || actual.height !== size) errors.push(`/icons/${name}: ${icons[name]} is ${actual.width}x${actual.height}, expected ${size}x${size}`);
    }
  }
  return errors;
}

function pointer(root: unknown, at: string): unknown {
  return at
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
}
