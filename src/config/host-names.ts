/**
 * Host-name rules that config.json's own checks need (customDomains) and that auth's Salesforce host check builds on:
 * here, below both, so config imports nothing above it.
 */

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * A custom domain as config.json may name it: a plain DNS host name (no scheme, port, path or wildcard), not an IP
 * address and not loopback. Returns the lower-case name, or undefined when it is not one.
 */
export function normalizeCustomDomain(value: string): string | undefined {
  const name = value.trim().toLowerCase().replace(/\.$/, '');
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/.test(name)) return undefined;
  if (isLoopbackHostname(name)) return undefined;
  return name;
}
