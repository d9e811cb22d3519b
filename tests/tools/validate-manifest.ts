/**
 * The XML manifest's offline check, the way Office would refuse it, and against the runtime config (public/config.json).
 * `npm run validate` runs it on both environments' manifests (tests/tools/manifest/validate.ts); alone:
 * `npx tsx tests/tools/validate-manifest.ts [manifest.xml] [config.json]`.
 *
 *  - well-formed XML (fast-xml-parser's XMLValidator);
 *  - the elements Office requires, in the order the schema requires: the sequences below are transcribed from
 *    Microsoft's schemas (OfficeAppManifestV1_1.xsd MailApp, MailAppVersionOverridesV1_0.xsd, MailAppVersionOverridesV1_1.xsd,
 *    OfficeAppBasicTypesV1_0.xsd) for the parts a mail add-in uses;
 *  - every `resid` names a resource of the right kind, resource ids are at most 32 characters, strings within limits;
 *  - every URL is https; AppDomains hold origins only (no path, no wildcard: Office accepts none);
 *  - the URLs agree with the runtime config: the redirect URI's origin is the task pane's origin and is in AppDomains;
 *    a non-loopback login host is in AppDomains; every login host is one the add-in will send the sign-in to
 *    (src/auth/salesforce-hosts.ts, judged as a pane on the manifest's origin would);
 *  - icons and pages on the add-in's origin exist under public/ (or src/ for the built pages: index.html, the sign-in
 *    dialog's auth-start.html and auth-callback.html), icons at their stated size.
 *
 * Microsoft's online validator needs the network; this one never does.
 *
 * Over 300 lines on purpose: the element sequences transcribed from Microsoft's schemas are data, kept beside the checks that read them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkSalesforceHost, salesforceHostPolicy } from '../../src/auth/salesforce-hosts';
import { parseRuntimeConfig, type RuntimeConfig } from '../../src/config/runtime-config';

// ---------------------------------------------------------------------------------------------------------------------
// A small element tree (local names, attributes, text) from fast-xml-parser's order-preserving output.
// ---------------------------------------------------------------------------------------------------------------------

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  path: string;
}

type Ordered = Record<string, unknown>;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

function toNodes(items: Ordered[], parentPath: string): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    const key = Object.keys(item).find((k) => k !== ':@');
    if (key === undefined || key === '#text' || key.startsWith('?')) continue;
    const rawAttrs = (item[':@'] ?? {}) as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = String(v);
    const name = localName(key);
    const type = attrs['xsi:type'];
    const nodePath = `${parentPath}${parentPath ? ' > ' : ''}${name}${type ? `[${type}]` : ''}`;
    const content = (item[key] ?? []) as Ordered[];
    const text = content
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join('')
      .trim();
    nodes.push({ name, attrs, text, path: nodePath, children: toNodes(content, nodePath) });
  }
  return nodes;
}

export function parseXml(xml: string): { root?: XmlNode; error?: string } {
  const check = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (check !== true) return { error: `manifest is not well-formed XML: ${check.err.msg} (line ${check.err.line}, column ${check.err.col})` };
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: true });
  const roots = toNodes(parser.parse(xml) as Ordered[], '');
  if (roots.length !== 1) return { error: `manifest must have exactly one root element, found ${roots.length}` };
  return { root: roots[0] };
}

// ---------------------------------------------------------------------------------------------------------------------
// Schema sequences. `type` picks the content model of the child; when a child's model depends on its xsi:type,
// `typed` maps each allowed xsi:type to its model.
// ---------------------------------------------------------------------------------------------------------------------

interface Particle {
  name: string;
  min: number;
  max: number;
  model?: string;
  typed?: Record<string, string>;
  /** Why we require more than the schema does. */
  note?: string;
}

const ONE = { min: 1, max: 1 };
const OPT = { min: 0, max: 1 };
const MANY = { min: 0, max: Infinity };
const SOME = { min: 1, max: Infinity };

const OVERRIDABLE: Particle[] = [{ name: 'Override', ...MANY, model: 'empty' }];

/** Parent model → ordered child particles. */
const MODELS: Record<string, Particle[]> = {
  empty: [],
  text: [],
  localeAware: OVERRIDABLE,
  // OfficeAppManifestV1_1.xsd: OfficeApp sequence, then the MailApp extension's sequence.
  MailApp: [
    { name: 'Id', ...ONE, model: 'text' },
    { name: 'AlternateId', ...OPT, model: 'text' },
    { name: 'Version', ...ONE, model: 'text' },
    { name: 'ProviderName', ...ONE, model: 'text' },
    { name: 'DefaultLocale', ...ONE, model: 'text' },
    { name: 'DisplayName', ...ONE, model: 'localeAware' },
    { name: 'Description', ...ONE, model: 'localeAware' },
    { name: 'IconUrl', ...OPT, model: 'localeAware' },
    { name: 'HighResolutionIconUrl', ...OPT, model: 'localeAware' },
    { name: 'SupportUrl', ...OPT, model: 'localeAware' },
    { name: 'AppDomains', ...OPT, model: 'AppDomains' },
    { name: 'Hosts', ...OPT, model: 'BaseHosts' },
    { name: 'Requirements', ...ONE, model: 'MailAppRequirements' },
    { name: 'FormSettings', ...ONE, model: 'FormSettings' },
    // Optional in the schema (default Restricted), required here: the pane reads the item's sender and recipients.
    { name: 'Permissions', ...ONE, model: 'text', note: 'the add-in needs ReadItem to read the open item' },
    { name: 'Rule', ...ONE, typed: { RuleCollection: 'RuleCollection', ItemIs: 'empty', ItemHasKnownEntity: 'empty', ItemHasRegularExpressionMatch: 'empty', ItemHasAttachment: 'empty' } },
    { name: 'DisableEntityHighlighting', ...OPT, model: 'text' },
    // Optional in the schema, required here: without it there are no buttons and no pinning.
    { name: 'VersionOverrides', ...ONE, typed: { VersionOverridesV1_0: 'VersionOverridesV1_0' }, note: 'the task-pane buttons live in VersionOverrides' },
    { name: 'Signature', ...OPT, model: 'any' },
  ],
  AppDomains: [{ name: 'AppDomain', ...SOME, model: 'text' }],
  BaseHosts: [{ name: 'Host', ...SOME, model: 'empty' }],
  MailAppRequirements: [{ name: 'Sets', ...ONE, model: 'Sets' }],
  Sets: [{ name: 'Set', ...SOME, model: 'empty' }],
  FormSettings: [{ name: 'Form', min: 1, max: 2, typed: { ItemRead: 'ItemRead', ItemEdit: 'ItemEdit' } }],
  ItemRead: [
    { name: 'DesktopSettings', ...ONE, model: 'ItemReadSettings' },
    { name: 'TabletSettings', ...OPT, model: 'ItemReadSettings' },
    { name: 'PhoneSettings', ...OPT, model: 'ItemEditSettings' },
  ],
  ItemEdit: [
    { name: 'DesktopSettings', ...ONE, model: 'ItemEditSettings' },
    { name: 'TabletSettings', ...OPT, model: 'ItemEditSettings' },
    { name: 'PhoneSettings', ...OPT, model: 'ItemEditSettings' },
  ],
  ItemReadSettings: [
    { name: 'SourceLocation', ...ONE, model: 'localeAware' },
    { name: 'RequestedHeight', ...ONE, model: 'text' },
  ],
  ItemEditSettings: [{ name: 'SourceLocation', ...ONE, model: 'localeAware' }],
  RuleCollection: [
    { name: 'Rule', ...SOME, typed: { RuleCollection: 'RuleCollection', ItemIs: 'empty', ItemHasKnownEntity: 'empty', ItemHasRegularExpressionMatch: 'empty', ItemHasAttachment: 'empty' } },
  ],

  // MailAppVersionOverridesV1_0.xsd VersionOverridesV1_0.
  VersionOverridesV1_0: [
    { name: 'Description', ...OPT, model: 'empty' },
    { name: 'Requirements', ...OPT, model: 'VORequirements' },
    { name: 'Hosts', ...OPT, model: 'VOHosts' },
    { name: 'Resources', ...OPT, model: 'Resources' },
    { name: 'VersionOverrides', ...OPT, typed: { VersionOverridesV1_1: 'VersionOverridesV1_1' } },
  ],
  // MailAppVersionOverridesV1_1.xsd VersionOverridesV1_1.
  VersionOverridesV1_1: [
    { name: 'Description', ...OPT, model: 'empty' },
    { name: 'Requirements', ...OPT, model: 'VORequirements' },
    { name: 'Hosts', ...OPT, model: 'VOHosts' },
    { name: 'Resources', ...OPT, model: 'Resources' },
    { name: 'WebApplicationInfo', ...OPT, model: 'any' },
    { name: 'VersionOverrides', ...OPT, model: 'any' },
  ],
  // OfficeAppBasicTypesV1_0.xsd bt:Requirements.
  VORequirements: [
    { name: 'Sets', ...OPT, model: 'Sets' },
    { name: 'Methods', ...OPT, model: 'any' },
  ],
  VOHosts: [{ name: 'Host', ...SOME, typed: { MailHost: 'MailHost' } }],
  MailHost: [
    { name: 'DesktopFormFactor', ...OPT, model: 'FormFactor' },
    { name: 'MobileFormFactor', ...OPT, model: 'any' },
  ],
  FormFactor: [
    { name: 'FunctionFile', ...OPT, model: 'empty' },
    {
      name: 'ExtensionPoint',
      ...SOME,
      typed: {
        MessageReadCommandSurface: 'CommandSurface',
        MessageComposeCommandSurface: 'CommandSurface',
        AppointmentAttendeeCommandSurface: 'CommandSurface',
        AppointmentOrganizerCommandSurface: 'CommandSurface',
        LaunchEvent: 'any',
        Module: 'any',
      },
    },
    { name: 'SupportsSharedFolders', ...OPT, model: 'text' },
  ],
  CommandSurface: [
    { name: 'OfficeTab', ...MANY, model: 'OfficeTab' },
    { name: 'CustomTab', ...MANY, model: 'CustomTab' },
  ],
  OfficeTab: [{ name: 'Group', ...SOME, model: 'Group' }],
  CustomTab: [
    { name: 'Group', ...SOME, model: 'Group' },
    { name: 'Label', ...ONE, model: 'empty' },
  ],
  Group: [
    { name: 'Label', ...ONE, model: 'empty' },
    { name: 'Control', ...SOME, typed: { Button: 'Button', Menu: 'Menu' } },
  ],
  Button: [
    { name: 'Label', ...ONE, model: 'empty' },
    { name: 'Supertip', ...ONE, model: 'Supertip' },
    { name: 'Icon', ...ONE, model: 'Icon' },
    { name: 'Action', ...ONE, typed: { ShowTaskpane: 'ShowTaskpane', ExecuteFunction: 'ExecuteFunction' } },
  ],
  Menu: [
    { name: 'Label', ...ONE, model: 'empty' },
    { name: 'Supertip', ...ONE, model: 'Supertip' },
    { name: 'Icon', ...ONE, model: 'Icon' },
    { name: 'Items', ...ONE, model: 'any' },
  ],
  Supertip: [
    { name: 'Title', ...ONE, model: 'empty' },
    { name: 'Description', ...ONE, model: 'empty' },
  ],
  Icon: [{ name: 'Image', ...SOME, model: 'empty' }],
  ShowTaskpane: [{ name: 'SourceLocation', ...ONE, model: 'empty' }],
  // VersionOverrides 1.1 adds TaskpaneId before and SupportsPinning after SourceLocation.
  ShowTaskpaneV1_1: [
    { name: 'TaskpaneId', ...OPT, model: 'text' },
    { name: 'SourceLocation', ...ONE, model: 'empty' },
    { name: 'SupportsPinning', ...OPT, model: 'text' },
    { name: 'SupportsNoItemContext', ...OPT, model: 'text' },
    { name: 'SupportsMultiSelect', ...OPT, model: 'text' },
  ],
  ExecuteFunction: [{ name: 'FunctionName', ...ONE, model: 'text' }],
  Resources: [
    { name: 'Images', ...OPT, model: 'Images' },
    { name: 'Urls', ...OPT, model: 'Urls' },
    { name: 'ShortStrings', ...OPT, model: 'Strings' },
    { name: 'LongStrings', ...OPT, model: 'Strings' },
  ],
  Images: [{ name: 'Image', ...SOME, model: 'localeAware' }],
  Urls: [{ name: 'Url', ...SOME, model: 'localeAware' }],
  Strings: [{ name: 'String', ...SOME, model: 'localeAware' }],
};

function checkSequence(node: XmlNode, model: string, versionOverrides: string | undefined, errors: string[]): void {
  if (model === 'any') return;
  const effective = model === 'ShowTaskpane' && versionOverrides === 'VersionOverridesV1_1' ? 'ShowTaskpaneV1_1' : model;
  const particles = MODELS[effective];
  if (!particles) throw new Error(`validator bug: no model ${effective}`);
  const counts = new Array<number>(particles.length).fill(0);
  let cursor = 0;
  let previous: XmlNode | undefined;
  for (const child of node.children) {
    const at = particles.findIndex((p, i) => i >= cursor && p.name === child.name);
    if (at < 0) {
      const earlier = particles.findIndex((p) => p.name === child.name);
      // Present, only misplaced: counted, so it is not also reported as missing.
      if (earlier >= 0) counts[earlier]! += 1;
      if (earlier >= 0 && previous) errors.push(`${child.path}: <${child.name}> is out of order: the schema puts it before <${previous.name}> in <${node.name}>`);
      else if (earlier >= 0) errors.push(`${child.path}: <${child.name}> is out of order in <${node.name}>`);
      else errors.push(`${child.path}: <${child.name}> is not a valid child of <${node.name}>${particles.length ? ` (expected, in order: ${particles.map((p) => p.name).join(', ')})` : ''}`);
      continue;
    }
    const particle = particles[at]!;
    counts[at]! += 1;
    if (counts[at]! > particle.max) errors.push(`${child.path}: <${node.name}> allows at most ${particle.max} <${child.name}>`);
    cursor = at;
    previous = child;
    let childModel = particle.model;
    if (particle.typed) {
      const type = child.attrs['xsi:type'];
      childModel = type === undefined ? undefined : particle.typed[type];
      if (childModel === undefined) {
        errors.push(
          `${child.path}: <${child.name}> needs xsi:type ${Object.keys(particle.typed)
            .map((t) => `"${t}"`)
            .join(' or ')}${type ? `, not "${type}"` : ''}`,
        );
        continue;
      }
    }
    const nextOverrides = child.name === 'VersionOverrides' ? child.attrs['xsi:type'] : versionOverrides;
    checkSequence(child, childModel ?? 'empty', nextOverrides, errors);
  }
  particles.forEach((p, i) => {
    if (counts[i]! < p.min) errors.push(`${node.path}: <${node.name}> is missing required <${p.name}>${p.note ? ` (${p.note})` : ''}`);
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Content checks
// ---------------------------------------------------------------------------------------------------------------------

function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

const child = (node: XmlNode | undefined, name: string, type?: string) => node?.children.find((c) => c.name === name && (type === undefined || c.attrs['xsi:type'] === type));
const children = (node: XmlNode | undefined, name: string) => node?.children.filter((c) => c.name === name) ?? [];

const GUID = /^(urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$|^\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}$/;
const VERSION = /^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/;
const CULTURE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$/;
const PERMISSIONS = ['Restricted', 'ReadItem', 'ReadWriteItem', 'ReadWriteMailbox'];
/**
 * The least permission the add-in works with. It reads the open item (sender, recipients, subject, body through
 * getAsync in compose), listens for ItemChanged and RecipientsChanged and opens a dialog; it never sets an item
 * property, never saves or sends, never calls makeEwsRequestAsync or reads another item. Every one of those calls
 * is "read item" or lower in Microsoft's API reference ("Understanding Outlook add-in permissions",
 * https://learn.microsoft.com/office/dev/add-ins/outlook/understanding-outlook-add-in-permissions): asking for more
 * is refused here, so a wider permission is a decision someone makes in this file, with the call that needs it.
 */
export const LEAST_PERMISSION = 'ReadItem';
/** Elements whose DefaultValue/Value is a URL (OfficeAppManifestV1_1.xsd URLLocaleAwareSetting, bt:Image, bt:Url). */
const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation']);

interface UrlUse {
  url: string;
  path: string;
  /** Expected pixel size for an image, when the manifest implies one. */
  size?: number;
  kind: 'image' | 'page' | 'other';
}

function resourceTable(vo: XmlNode | undefined): Map<string, { kind: string; node: XmlNode }> {
  const table = new Map<string, { kind: string; node: XmlNode }>();
  const resources = child(vo, 'Resources');
  for (const [group, kind] of [
    ['Images', 'image'],
    ['Urls', 'url'],
    ['ShortStrings', 'short'],
    ['LongStrings', 'long'],
  ] as const) {
    for (const item of children(child(resources, group), group === 'Images' ? 'Image' : group === 'Urls' ? 'Url' : 'String')) {
      const id = item.attrs.id;
      if (id !== undefined) table.set(id, { kind, node: item });
    }
  }
  return table;
}

/** What kind of resource each resid-bearing element needs (MailAppVersionOverrides: bt:ShortResourceReference etc.). */
function residKind(node: XmlNode, parent: XmlNode | undefined): 'image' | 'url' | 'short' | 'long' | undefined {
  if (node.name === 'Image') return 'image';
  if (node.name === 'SourceLocation' || node.name === 'FunctionFile') return 'url';
  if (node.name === 'Label' || node.name === 'Title') return 'short';
  if (node.name === 'Description') return parent?.name === 'Supertip' || parent?.name === 'VersionOverrides' ? 'long' : undefined;
  return undefined;
}

function checkVersionOverrides(vo: XmlNode, inherited: Map<string, { kind: string; node: XmlNode }>, errors: string[], urls: UrlUse[]): void {
  const own = resourceTable(vo);
  // VersionOverrides 1.1 "overrides the specific Resources element in any parent portion and merges with the rest".
  const table = new Map([...inherited, ...own]);
  const seen = new Set<string>();
  for (const item of own.values()) {
    const id = item.node.attrs.id ?? '';
    if (seen.has(id)) errors.push(`${item.node.path}: duplicate resource id "${id}"`);
    seen.add(id);
    if (id.length > 32) errors.push(`${item.node.path}: resource id "${id}" is longer than 32 characters`);
    const value = item.node.attrs.DefaultValue;
    if (value === undefined || value === '') errors.push(`${item.node.path}: resource "${id}" has no DefaultValue`);
    const limit = item.kind === 'short' ? 125 : item.kind === 'long' ? 250 : undefined;
    for (const text of [value, ...children(item.node, 'Override').map((o) => o.attrs.Value)]) {
      if (limit !== undefined && text !== undefined && text.length > limit) errors.push(`${item.node.path}: string "${id}" is longer than ${limit} characters`);
    }
    if (item.kind === 'image' || item.kind === 'url') {
      for (const o of [item.node, ...children(item.node, 'Override')]) {
        const url = o === item.node ? o.attrs.DefaultValue : o.attrs.Value;
        if (url) urls.push({ url, path: o.path, kind: item.kind === 'image' ? 'image' : 'page' });
      }
    }
  }

  const stack: Array<{ node: XmlNode; parent?: XmlNode }> = [{ node: vo }];
  while (stack.length) {
    const { node, parent } = stack.pop()!;
    if (node !== vo && node.name === 'VersionOverrides') {
      checkVersionOverrides(node, table, errors, urls);
      continue;
    }
    if (node.name === 'Resources') continue;
    const resid = node.attrs.resid;
    if (resid !== undefined) {
      const wanted = residKind(node, parent);
      const found = table.get(resid);
      if (!found) errors.push(`${node.path}: resid "${resid}" does not name any resource in <Resources>`);
      else if (wanted !== undefined && found.kind !== wanted) errors.push(`${node.path}: resid "${resid}" names a ${found.kind} resource, but <${node.name}> needs a ${wanted} resource`);
      if (node.name === 'Image' && found?.kind === 'image') {
        const size = Number(node.attrs.size);
        if (!['16', '20', '24', '32', '40', '48', '64', '80'].includes(node.attrs.size ?? ''))
          errors.push(`${node.path}: icon size "${node.attrs.size}" is not one Outlook uses (16, 20, 24, 32, 40, 48, 64, 80)`);
        const url = found.node.attrs.DefaultValue;
        if (url) urls.push({ url, path: node.path, kind: 'image', size });
      }
    }
    if (node.name === 'Icon') {
      const sizes = new Set(children(node, 'Image').map((i) => i.attrs.size));
      for (const size of ['16', '32', '80']) if (!sizes.has(size)) errors.push(`${node.path}: an Outlook button icon needs a size="${size}" image`);
    }
    for (const c of node.children) stack.push({ node: c, parent: node });
  }
}

function origin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const isLoopback = (url: string) => {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  } catch {
    return false;
  }
};

export interface ValidateOptions {
  /** The parsed runtime config (public/config.json); skipped when undefined. */
  config?: RuntimeConfig;
  /** Reads a file served at `urlPath` on the add-in's origin; undefined when it does not exist. Skipped when absent. */
  readAsset?: (urlPath: string) => Uint8Array | undefined;
}

export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Every problem found, as messages naming where; empty when the manifest is good. */
export function validateManifest(xml: string, options: ValidateOptions = {}): string[] {
  const { root, error } = parseXml(xml);
  if (!root) return [error ?? 'manifest could not be parsed'];
  const errors: string[] = [];

  if (root.name !== 'OfficeApp') return [`the root element must be <OfficeApp>, not <${root.name}>`];
  if (root.attrs.xmlns !== 'http://schemas.microsoft.com/office/appforoffice/1.1') errors.push('OfficeApp: xmlns must be "http://schemas.microsoft.com/office/appforoffice/1.1"');
  if (root.attrs['xsi:type'] !== 'MailApp') return [...errors, `OfficeApp: xsi:type must be "MailApp" for an Outlook add-in (found "${root.attrs['xsi:type'] ?? ''}")`];

  checkSequence(root, 'MailApp', undefined, errors);

  // Values the schema constrains.
  const id = child(root, 'Id')?.text ?? '';
  if (child(root, 'Id') && !GUID.test(id)) errors.push(`OfficeApp > Id: "${id}" is not a GUID`);
  const version = child(root, 'Version')?.text ?? '';
  if (child(root, 'Version') && !VERSION.test(version)) errors.push(`OfficeApp > Version: "${version}" must look like 1.0.0.0`);
  const locale = child(root, 'DefaultLocale')?.text ?? '';
  if (child(root, 'DefaultLocale') && !CULTURE.test(locale)) errors.push(`OfficeApp > DefaultLocale: "${locale}" is not a culture name such as en-US`);
  const permissions = child(root, 'Permissions');
  if (permissions && !PERMISSIONS.includes(permissions.text)) errors.push(`OfficeApp > Permissions: "${permissions.text}" is not one of ${PERMISSIONS.join(', ')}`);
  else if (permissions && PERMISSIONS.indexOf(permissions.text) > PERMISSIONS.indexOf(LEAST_PERMISSION)) {
    errors.push(`OfficeApp > Permissions: "${permissions.text}" asks for more than the add-in uses; it needs only ${LEAST_PERMISSION}`);
  }
  for (const [name, max] of [
    ['ProviderName', 125],
    ['DisplayName', 125],
    ['Description', 250],
  ] as const) {
    const node = child(root, name);
    if (!node) continue;
    const values = [node.text || node.attrs.DefaultValue, ...children(node, 'Override').map((o) => o.attrs.Value)];
    if (name !== 'ProviderName' && !node.attrs.DefaultValue) errors.push(`OfficeApp > ${name}: DefaultValue is required`);
    for (const v of values) if (v !== undefined && v.length > max) errors.push(`OfficeApp > ${name}: "${v.slice(0, 40)}…" is longer than ${max} characters`);
  }
  const mailbox = children(child(child(root, 'Requirements'), 'Sets'), 'Set').find((s) => s.attrs.Name === 'Mailbox');
  if (child(root, 'Requirements') && !mailbox) errors.push('OfficeApp > Requirements: a mail add-in must require the "Mailbox" set');
  const height = child(child(child(child(root, 'FormSettings'), 'Form', 'ItemRead'), 'DesktopSettings'), 'RequestedHeight');
  if (height && !(Number(height.text) >= 32 && Number(height.text) <= 450)) errors.push(`${height.path}: RequestedHeight must be between 32 and 450`);

  // Resources and resids, recursively through VersionOverrides 1.0 → 1.1.
  const urls: UrlUse[] = [];
  const vo = child(root, 'VersionOverrides');
  if (vo) {
    if (vo.attrs.xmlns !== 'http://schemas.microsoft.com/office/mailappversionoverrides')
      errors.push(`${vo.path}: xmlns must be "http://schemas.microsoft.com/office/mailappversionoverrides"`);
    const inner = child(vo, 'VersionOverrides');
    if (inner && inner.attrs.xmlns !== 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1')
      errors.push(`${inner.path}: xmlns must be "http://schemas.microsoft.com/office/mailappversionoverrides/1.1"`);
    checkVersionOverrides(vo, new Map(), errors, urls);
    for (const pinning of [...walk(vo)].filter((n) => n.name === 'SupportsPinning')) {
      if (!pinning.path.includes('VersionOverrides[VersionOverridesV1_1]')) errors.push(`${pinning.path}: SupportsPinning is only valid in VersionOverrides 1.1`);
    }
  }

  // Every URL https; collect the page and icon URLs of the base manifest.
  for (const node of walk(root)) {
    if (URL_ELEMENTS.has(node.name) && !node.attrs.resid) {
      for (const o of [node, ...children(node, 'Override')]) {
        const url = o === node ? o.attrs.DefaultValue : o.attrs.Value;
        if (!url) {
          errors.push(`${o.path}: a URL is required`);
          continue;
        }
        const size = node.name === 'IconUrl' ? 64 : node.name === 'HighResolutionIconUrl' ? 128 : undefined;
        urls.push({ url, path: o.path, kind: size ? 'image' : node.name === 'SourceLocation' ? 'page' : 'other', size });
      }
    }
  }
  for (const use of urls) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(use.url);
    } catch {
      errors.push(`${use.path}: "${use.url}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') errors.push(`${use.path}: "${use.url}" must use https (Office refuses http)`);
  }

  const appDomains = children(child(root, 'AppDomains'), 'AppDomain');
  const domainOrigins = new Set<string>();
  for (const domain of appDomains) {
    const value = domain.text;
    if (value.includes('*')) errors.push(`${domain.path}: "${value}" has a wildcard; Office accepts none in AppDomain`);
    let parsed: URL | undefined;
    try {
      parsed = new URL(value.replace('*.', 'wildcard.'));
    } catch {
      errors.push(`${domain.path}: "${value}" is not a URL with a protocol`);
      continue;
    }
    if (parsed.protocol !== 'https:') errors.push(`${domain.path}: "${value}" must use https`);
    if (value.replace(/^[a-z]+:\/\//i, '').includes('/')) errors.push(`${domain.path}: "${value}" must be an origin only, with no path or trailing slash`);
    domainOrigins.add(parsed.origin);
  }

  // One origin for every page of the add-in.
  const pageOrigins = new Set(
    urls
      .filter((u) => u.kind === 'page')
      .map((u) => origin(u.url))
      .filter((o): o is string => o !== undefined),
  );
  if (pageOrigins.size > 1) errors.push(`task pane URLs use several origins (${[...pageOrigins].join(', ')}); they must share one`);
  const addinOrigin = [...pageOrigins][0];

  // Agreement with the runtime config.
  const config = options.config;
  if (config) {
    const redirectOrigin = origin(config.salesforce.redirectUri);
    if (addinOrigin && redirectOrigin !== addinOrigin)
      errors.push(
        `config.json salesforce.redirectUri (${config.salesforce.redirectUri}) is on ${redirectOrigin}, but the manifest's task pane is on ${addinOrigin}: the sign-in dialog must come back to the add-in's own origin`,
      );
    if (redirectOrigin && !domainOrigins.has(redirectOrigin))
      errors.push(`config.json salesforce.redirectUri's origin ${redirectOrigin} is not in <AppDomains> (Outlook on the web needs it for the sign-in dialog)`);
    const logins = [
      { label: 'salesforce.loginUrl', url: config.salesforce.loginUrl },
      ...config.salesforce.loginChoices.map((c, i) => ({ label: `salesforce.loginChoices[${i}].loginUrl`, url: c.loginUrl })),
    ];
    const hostPolicy = salesforceHostPolicy(config.salesforce, addinOrigin ?? '');
    for (const login of logins) {
      const check = checkSalesforceHost(login.url, hostPolicy);
      if (!check.ok)
        errors.push(
          `config.json ${login.label} (${login.url}) is not a host the add-in signs in at (${check.refusal}): use the org's My Domain over https, or list a custom domain in salesforce.customDomains`,
        );
      if (isLoopback(login.url)) continue;
      const loginOrigin = origin(login.url);
      if (loginOrigin && !domainOrigins.has(loginOrigin)) errors.push(`config.json ${login.label} (${login.url}) is not covered by <AppDomains>: add <AppDomain>${loginOrigin}</AppDomain>`);
    }
  }

  // Files served from the add-in's origin exist, icons at their size.
  if (options.readAsset && addinOrigin) {
    const checked = new Set<string>();
    for (const use of urls) {
      if (origin(use.url) !== addinOrigin) continue;
      const urlPath = new URL(use.url).pathname;
      const key = `${urlPath}@${use.size ?? ''}`;
      if (checked.has(key)) continue;
      checked.add(key);
      const bytes = options.readAsset(urlPath);
      if (!bytes) {
        errors.push(`${use.path}: ${use.url} names ${urlPath}, which the add-in does not serve`);
        continue;
      }
      if (use.kind === 'image') {
        const size = pngSize(bytes);
        if (!size) errors.push(`${use.path}: ${urlPath} is not a PNG`);
        else if (use.size !== undefined && (size.width !== use.size || size.height !== use.size))
          errors.push(`${use.path}: ${urlPath} is ${size.width}x${size.height}, expected ${use.size}x${use.size}`);
      }
    }
  }

  return errors;
}

// ---------------------------------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------------------------------

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Serves like the dev server and the build: public/ as-is, the built pages (index.html, auth-*.html) from src/. */
export function readRepoAsset(urlPath: string): Uint8Array | undefined {
  const relative = decodeURIComponent(urlPath).replace(/^\/+/, '');
  if (relative.includes('..')) return undefined;
  for (const base of [path.join(repoRoot, 'public'), path.join(repoRoot, 'src')]) {
    const file = path.join(base, relative);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return fs.readFileSync(file);
  }
  return undefined;
}

function main(argv: string[]): number {
  const manifestPath = path.resolve(argv[0] ?? path.join(repoRoot, 'manifest.xml'));
  const configPath = path.resolve(argv[1] ?? path.join(repoRoot, 'public', 'config.json'));
  let config: RuntimeConfig;
  try {
    config = parseRuntimeConfig(JSON.parse(fs.readFileSync(configPath, 'utf8')));
  } catch (e) {
    console.error(`✗ ${path.relative(process.cwd(), configPath)}: ${(e as Error).message}`);
    return 1;
  }
  const errors = validateManifest(fs.readFileSync(manifestPath, 'utf8'), { config, readAsset: readRepoAsset });
  const name = path.relative(process.cwd(), manifestPath) || manifestPath;
  if (errors.length) {
    console.error(`✗ ${name}: ${errors.length} problem${errors.length === 1 ? '' : 's'}`);
    for (const e of errors) console.error(`  - ${e}`);
    return 1;
  }
  console.log(`✓ ${name} is valid (schema order, resources, https URLs, icons, agrees with ${path.relative(process.cwd(), configPath)})`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
