/**
 * The addresses an email is about: sender, To and Cc (or the recipients as typed in compose), lower-cased, deduped,
 * without the seller's own address and without anything that is not a plain address.
 */
import type { EmailAddress, EmailContext } from '../../host/office-host';

/** Generous but strict enough that no quote, space, angle bracket or control character gets through. */
const ADDRESS = /^[a-z0-9.!#$%&*+/=?^_`{|}~'-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** Upper bound so a huge distribution list cannot make a query too long for a URL (composite GET subrequests). */
export const MAX_LOOKUP_ADDRESSES = 50;

export function normaliseAddress(address: string): string | undefined {
  const lower = address.trim().toLowerCase();
  return lower.length <= 254 && ADDRESS.test(lower) ? lower : undefined;
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

export interface EmailPerson {
  address: string;
  /** The display name as Outlook gave it ('' when none). */
  name: string;
  role: 'from' | 'to' | 'cc';
}

export function peopleOfEmail(context: EmailContext, ownEmail: string | undefined): EmailPerson[] {
  const own = ownEmail ? normaliseAddress(ownEmail) : undefined;
  const seen = new Set<string>();
  const people: EmailPerson[] = [];
  const add = (entry: EmailAddress | undefined, role: EmailPerson['role']) => {
    if (!entry) return;
    const address = normaliseAddress(entry.address);
    if (!address || address === own || seen.has(address)) return;
    seen.add(address);
    const name = entry.name.trim();
    people.push({ address, name: name.toLowerCase() === address ? '' : name, role });
  };
  add(context.from, 'from');
  for (const to of context.to) add(to, 'to');
  for (const cc of context.cc) add(cc, 'cc');
  return people.slice(0, MAX_LOOKUP_ADDRESSES);
}

/**
 * Consumer mail domains: matching an account by "gmail.com" would link strangers to whatever account lists it.
 * Not exhaustive, on purpose: a miss only costs a useless account match, not a wrong write (the seller confirms).
 */
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'mail.com',
  'yandex.com',
  'zoho.com',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'wanadoo.fr',
  'sfr.fr',
]);

export function companyDomains(addresses: readonly string[]): string[] {
  return [...new Set(addresses.map(domainOf))].filter((d) => !PUBLIC_MAIL_DOMAINS.has(d));
}

/** True when a Website value (with or without scheme/path) is on `domain` or one of its subdomains. */
export function websiteMatchesDomain(website: string | null | undefined, domain: string): boolean {
  if (!website) return false;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`).hostname.toLowerCase();
  } catch {
    // CRM data: a Website that is not a URL matches no domain.
    return false;
  }
  host = host.replace(/^www\./, '');
  return host === domain || host.endsWith(`.${domain}`);
}

/** "Jane Doe" → Jane / Doe; "Doe, Jane" → Jane / Doe; "" → the address's local part as the last name. */
export function splitDisplayName(name: string, address: string): { firstName: string; lastName: string } {
  const clean = name.replace(/["<>]/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean.includes(',')) {
    const [last = '', ...rest] = clean.split(',');
    const first = rest.join(' ').trim();
    if (last.trim()) return { firstName: first, lastName: last.trim() };
  }
  const parts = clean.split(' ').filter(Boolean);
  if (parts.length === 0 || clean.includes('@')) {
    const local = address
      .slice(0, address.indexOf('@'))
      .split(/[._-]+/)
      .filter(Boolean);
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    if (local.length >= 2) return { firstName: cap(local[0] ?? ''), lastName: local.slice(1).map(cap).join(' ') };
    return { firstName: '', lastName: cap(local[0] ?? address) };
  }
  if (parts.length === 1) return { firstName: '', lastName: parts[0] ?? '' };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] ?? '' };
}
