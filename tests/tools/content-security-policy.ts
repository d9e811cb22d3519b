/**
 * The add-in's Content Security Policy, from its runtime config (public/config.json or a deployment's copy). One
 * function for every place that states it: the build (a meta tag in each page, dist/content-security-policy.txt for
 * the header), `npm run csp` (the same for a deployment's own config.json) and the Outlook harness (header and meta
 * for the config it serves), so the policy tested is the policy shipped.
 *
 *  - scripts: the add-in's own files and Microsoft's office.js CDN, whose office.js loads its host-specific file and
 *    locale strings from the same host (getOfficeJsBasePath in office.js). No 'unsafe-inline', no 'unsafe-eval':
 *    the build has no inline script and nothing it runs needs eval.
 *  - styles: the add-in's own CSS files, and Fluent UI v9's Griffel renderer, which adds EMPTY <style> elements and
 *    fills them through CSSOM insertRule (@griffel/core getStyleSheetForBucket, createIsomorphicStyleSheet). CSSOM is
 *    not subject to CSP, an empty <style> element is: the hash of the empty string lets exactly those through, and no
 *    inline style with content ('unsafe-inline' is never needed).
 *  - connections: the add-in itself (config.json), the Salesforce domains the host check accepts
 *    (src/auth/salesforce-hosts.ts: instance URLs are known only from a token response), every login host and custom
 *    domain the config names, and the Microsoft authority.
 *  - frames: MSAL's hidden iframe (silent renewal) goes to the authority.
 *  - frame-ancestors (header only: a meta tag cannot carry it): the Office hosts that embed a task pane, and the
 *    add-in itself (MSAL's silent iframe returns to one of its pages inside the pane).
 */
import { SALESFORCE_DOMAINS } from '../../src/auth/salesforce-hosts';

export const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/**
 * Outlook on the web's origins (work accounts on outlook.office.com / outlook.office365.com, the new
 * outlook.cloud.microsoft, consumer outlook.live.com) and Office on the web's add-in hosts. Microsoft publishes no
 * canonical list (OfficeDev/office-js#1005, office-js-docs-pr#721): these are the origins its hosts are seen on
 * (office-js#3342, EratoLab/erato#776). A deployment serving other Office hosts adds theirs with `frameAncestors`.
 */
export const OFFICE_FRAME_ANCESTORS: readonly string[] = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
  'https://outlook.live.com',
  'https://*.officeapps.live.com',
];

/** sha256 of the empty string: Griffel's empty style buckets, nothing else. */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

interface ConfigShape {
  salesforce?: { loginUrl?: unknown; loginChoices?: unknown; customDomains?: unknown };
  microsoft?: { authority?: unknown };
}

function originOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function unique(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}

export interface PolicyOptions {
  /** Origins allowed to frame the add-in; default OFFICE_FRAME_ANCESTORS. The harness adds its Outlook page. */
  frameAncestors?: readonly string[];
  /**
   * Origins standing in for the Salesforce domains the policy names by wildcard (tests: the emulated org's generic
   * login host on loopback, which `https://*.salesforce.com` covers for login.salesforce.com in production).
   */
  salesforceStandIns?: readonly string[];
}

export interface AddinPolicy {
  /** Directive name → sources, in order. */
  directives: Array<[string, string[]]>;
  /** The Content-Security-Policy header value. */
  header: string;
  /** The same without the directives a meta tag cannot carry (frame-ancestors). */
  meta: string;
}

/** The policy for a runtime config (unparsed JSON: the build and the harness read config.json as it is). */
export function addinContentSecurityPolicy(config: unknown, options: PolicyOptions = {}): AddinPolicy {
  const shape = (config ?? {}) as ConfigShape;
  const sf = shape.salesforce ?? {};
  const choices = Array.isArray(sf.loginChoices) ? (sf.loginChoices as Array<{ loginUrl?: unknown }>) : [];
  const customDomains = Array.isArray(sf.customDomains) ? (sf.customDomains as unknown[]) : [];
  const authority = originOf(shape.microsoft?.authority);
  const connect = unique([
    "'self'",
    ...SALESFORCE_DOMAINS.map((domain) => `https://*.${domain}`),
    originOf(sf.loginUrl),
    ...choices.map((choice) => originOf(choice?.loginUrl)),
    ...customDomains.map((name) => (typeof name === 'string' && /^[a-z0-9.-]+$/i.test(name) ? `https://${name.toLowerCase()}` : undefined)),
    ...(options.salesforceStandIns ?? []).map(originOf),
    authority,
  ]);
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", OFFICE_JS_ORIGIN]],
    ['style-src', ["'self'", EMPTY_STYLE_HASH]],
    ['img-src', ["'self'"]],
    ['connect-src', connect],
    ['frame-src', unique(["'self'", authority])],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    // 'self' too: a frame-ancestors check covers every ancestor, and MSAL's silent iframe brings msal-redirect.html
    // back inside the pane (the pane, then Outlook).
    ['frame-ancestors', ["'self'", ...(options.frameAncestors ?? OFFICE_FRAME_ANCESTORS)]],
  ];
  const render = (list: Array<[string, string[]]>) => list.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
  return { directives, header: render(directives), meta: render(directives.filter(([name]) => name !== 'frame-ancestors')) };
}

const META_PATTERN = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/i;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Puts the policy's meta tag at the top of <head>, after the charset declaration and before any script or style it
 * governs, replacing one already there.
 */
export function withPolicyMeta(html: string, meta: string): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(meta)}" />`;
  if (META_PATTERN.test(html)) return html.replace(META_PATTERN, tag);
  const head = /<meta charset="[^"]*"\s*\/?>/i.exec(html) ?? /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('page has no <head> for the Content-Security-Policy meta tag');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${tag}${html.slice(at)}`;
}

/** The file beside the build that holds the header value for the host to send. */
export const HEADER_FILE = 'content-security-policy.txt';
