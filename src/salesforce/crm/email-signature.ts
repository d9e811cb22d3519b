/**
 * The sender's name, title, company and phone from the signature at the end of the body excerpt, to prefill a new
 * lead. Signatures have no format: this reads the common shapes (a sign-off or a "-- " line, then name, title, company,
 * phone, each on its own line, or "Title | Company", "Title, Company", "Title at Company") and leaves a field empty
 * rather than guess. Quoted earlier messages are cut off first, so the signature is the sender's own.
 */

export interface SignatureDetails {
  firstName?: string;
  lastName?: string;
  title?: string;
  company?: string;
  phone?: string;
}

const SIGN_OFF =
  /^(best( regards| wishes)?|kind regards|warm regards|regards|many thanks|thanks( again)?|thank you|cheers|sincerely|yours( truly| sincerely)?|all the best|cordialement|bien cordialement|merci|bonne journée|mit freundlichen grüßen|viele grüße|saludos|un saludo)[\s,.!-]*$/i;
const QUOTE_START = /^(on .+ wrote:|le .+ a écrit\s?:|-{2,}\s*original message\s*-{2,}|from:\s.+|de\s?:\s.+|>)/i;
const COMPANY_SUFFIX =
  /\b(inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|sa|sas|sarl|srl|spa|bv|nv|oy|ab|as|corp|corporation|co|company|group|holdings|labs|technologies|systems|solutions)\.?$/i;
const TITLE_WORD =
  /\b(ceo|cto|cfo|coo|cio|ciso|vp|svp|evp|president|vice president|director|head|manager|lead|chief|officer|engineer|architect|consultant|specialist|analyst|founder|co-founder|partner|owner|administrator|coordinator|representative|executive|associate|buyer|procurement|sales|marketing|operations|directeur|directrice|responsable|gérant|ingénieur)\b/i;
const PHONE = /(?:\+|\b)\d[\d\s().-]{5,}\d/;
const NAME_WORD = /^[\p{Lu}][\p{L}'’-]*\.?$/u;

function cleanLines(body: string): string[] {
  const lines: string[] = [];
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (QUOTE_START.test(line)) break;
    lines.push(line);
  }
  return lines;
}

/** The lines after the last sign-off or "-- " delimiter, blank lines dropped; at most six. */
function signatureBlock(lines: string[]): string[] {
  let start = -1;
  lines.forEach((line, i) => {
    if (line === '--' || line === '-- ' || SIGN_OFF.test(line)) start = i + 1;
  });
  if (start < 0) return [];
  return lines
    .slice(start)
    .filter((l) => l !== '')
    .slice(0, 6);
}

function looksLikeName(line: string): boolean {
  const words = line.split(' ');
  return words.length >= 2 && words.length <= 4 && words.every((w) => NAME_WORD.test(w)) && !TITLE_WORD.test(line) && !COMPANY_SUFFIX.test(line);
}

const isContactLine = (line: string) => /@|https?:\/\/|www\./i.test(line);

function splitTitleCompany(line: string): { title: string; company: string } | undefined {
  const match = /^(.+?)\s*(?:\||·|•|–|—|,| at | chez | @ )\s*(.+)$/i.exec(line);
  if (!match?.[1] || !match[2] || !TITLE_WORD.test(match[1])) return undefined;
  return { title: match[1].trim(), company: match[2].trim() };
}

/**
 * What the signature says. `senderName` (the display name) confirms the name line when the sign-off is followed by a
 * first name only, and names the sender when the signature does not.
 */
export function parseSignature(body: string, senderName = ''): SignatureDetails {
  const block = signatureBlock(cleanLines(body.slice(0, 4000)));
  const details: SignatureDetails = {};
  let rest = block;
  const first = block[0];
  if (first && looksLikeName(first)) {
    const words = first.split(' ');
    details.firstName = words.slice(0, -1).join(' ');
    details.lastName = words[words.length - 1] ?? '';
    rest = block.slice(1);
  } else if (first && senderName && senderName.toLowerCase().startsWith(first.toLowerCase()) && /^[\p{L}'’-]+$/u.test(first)) {
    // "Best, Tom" above a signature that starts with the title: the display name has the rest.
    rest = block.slice(1);
  }
  for (const line of rest) {
    if (isContactLine(line)) continue;
    const phone = PHONE.exec(line);
    if (phone && line.replace(/[^\d]/g, '').length >= 7 && !details.phone) {
      details.phone = phone[0].trim();
      continue;
    }
    const both = splitTitleCompany(line);
    if (both && !details.title && !details.company) {
      details.title = both.title;
      details.company = both.company;
      continue;
    }
    if (!details.title && TITLE_WORD.test(line) && !COMPANY_SUFFIX.test(line)) details.title = line;
    else if (!details.company && line.length <= 80 && /\p{L}/u.test(line)) details.company = line;
  }
  for (const key of Object.keys(details) as (keyof SignatureDetails)[]) {
    const value = details[key]?.slice(0, 255);
    if (value) details[key] = value;
    else delete details[key];
  }
  return details;
}
