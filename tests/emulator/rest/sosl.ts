/**
 * GET /search?q=<SOSL> (REST API Developer Guide, "Search"; SOQL and SOSL Reference, "FIND", "RETURNING"):
 * `FIND {term} [IN ALL|NAME|EMAIL|PHONE FIELDS] [RETURNING Obj(fields [WHERE …] [ORDER BY …] [LIMIT n]), …] [LIMIT n]`,
 * answered `{searchRecords: [{attributes, Id, …}]}`. The term is matched word by word against the fields of the
 * scope (every word must match somewhere in the record; `*` and `?` are wildcards), then each object's own clause runs
 * as SOQL over the matching records, so fields, relationships and WHERE behave exactly as in a query.
 *
 * Stricter than Salesforce where the docs are silent: no relevance ranking (records in object order), no stemming or
 * synonyms, and a reserved character left unescaped is refused rather than guessed at.
 */
import { jsonReply, type Reply } from '../http';
import type { OrgState } from '../org-state';
import type { SfRecord } from '../record-store';
import { findSObject, type FieldDef, type SObjectDef } from '../schema';
import { runSoql, SoqlError } from '../soql/soql-engine';
import { restError } from './rest-errors';

/** The SOQL and SOSL Reference, FIND: these must be preceded by a backslash; `*`, `?` and `"` are the term's own syntax. */
const RESERVED = new Set(['&', '|', '!', '{', '}', '[', ']', '(', ')', '^', '~', ':', '\\', "'", '+', '-']);
const DEFAULT_LIMIT = 2000;

class SoslError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

type Scope = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE';

interface Returning {
  def: SObjectDef;
  /** What follows the object name inside its parentheses, or '' (then Id only). */
  clause: string;
}

interface ParsedSearch {
  words: string[];
  scope: Scope;
  returning: Returning[] | undefined;
  limit: number;
}

export function search(org: OrgState, query: URLSearchParams, apiVersion: string): Reply {
  const sosl = query.get('q') ?? '';
  try {
    const parsed = parseSosl(org, sosl);
    const targets = parsed.returning ?? searchableObjects(org).map((def) => ({ def, clause: '' }));
    const searchRecords: Array<Record<string, unknown>> = [];
    for (const target of targets) {
      if (searchRecords.length >= parsed.limit) break;
      const ids = org.records
        .all(target.def.name)
        .filter((record) => matches(target.def, record, parsed.words, parsed.scope))
        .map((r) => r.Id);
      if (ids.length === 0) continue;
      const soql = soqlFor(target, ids);
      const result = runSoql(soql, { store: org.records, apiVersion, now: org.now() });
      searchRecords.push(...result.records.slice(0, parsed.limit - searchRecords.length));
    }
    return jsonReply(200, { searchRecords });
  } catch (err) {
    if (err instanceof SoslError || err instanceof SoqlError) return restError(400, err.errorCode, err.message);
    throw err;
  }
}

function searchableObjects(org: OrgState): SObjectDef[] {
  return ['Account', 'Contact', 'Lead', 'Opportunity', 'Case'].map((n) => findSObject(n)).filter((d): d is SObjectDef => d !== undefined && org.hasSObject(d.name));
}

function soqlFor(target: Returning, ids: string[]): string {
  const inList = `Id IN (${ids.map((id) => `'${id}'`).join(', ')})`;
  const clause = target.clause.trim();
  if (!clause) return `SELECT Id FROM ${target.def.name} WHERE ${inList}`;
  // fields [WHERE cond] [ORDER BY …] [LIMIT n]: the search's ids join the object's own WHERE.
  const m = /^(.*?)(?:\s+WHERE\s+(.*?))?(\s+ORDER\s+BY\s+.*?)?(\s+LIMIT\s+\d+)?(\s+OFFSET\s+\d+)?$/is.exec(clause);
  const fields = m?.[1]?.trim() || 'Id';
  const where = m?.[2]?.trim();
  return `SELECT ${fields} FROM ${target.def.name} WHERE ${inList}${where ? ` AND (${where})` : ''}${m?.[3] ?? ''}${m?.[4] ?? ''}${m?.[5] ?? ''}`;
}

function malformed(message: string): SoslError {
  return new SoslError('MALFORMED_SEARCH', message);
}

export function parseSosl(org: Pick<OrgState, 'hasSObject'>, sosl: string): ParsedSearch {
  const text = sosl.trim();
  const find = /^FIND\s*/i.exec(text);
  if (!find) throw malformed(`unexpected token: '${text.split(/\s+/)[0] ?? ''}'`);
  let i = find[0].length;
  if (text[i] !== '{') throw malformed('No search term found. The search term must be enclosed in braces.');
  i += 1;
  let term = '';
  let closed = false;
  for (; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) break;
      term += `\\${next}`;
      i += 1;
    } else if (ch === '}') {
      closed = true;
      i += 1;
      break;
    } else {
      if (RESERVED.has(ch)) throw malformed(`Search term contains the reserved character '${ch}' without a backslash before it.`);
      term += ch;
    }
  }
  if (!closed) throw malformed('No search term found. The search term must be enclosed in braces.');
  const words = splitWords(term);
  const significant = words.join('').replace(/\\(.)/g, '$1').replace(/[*?"]/g, '');
  if (significant.length < 2) throw new SoslError('INVALID_SEARCH', `search term must be longer than one character: ${term.replace(/\\(.)/g, '$1')}`);

  let rest = text.slice(i).trim();
  let scope: Scope = 'ALL';
  const inScope = /^IN\s+(ALL|NAME|EMAIL|PHONE)\s+FIELDS\b/i.exec(rest);
  if (inScope) {
    scope = (inScope[1] ?? 'ALL').toUpperCase() as Scope;
    rest = rest.slice(inScope[0].length).trim();
  } else if (/^IN\b/i.test(rest)) {
    throw malformed(`unexpected token: '${rest.split(/\s+/)[1] ?? ''}'`);
  }
  let returning: Returning[] | undefined;
  const ret = /^RETURNING\s+/i.exec(rest);
  if (ret) {
    const parsed = parseReturning(org, rest.slice(ret[0].length));
    returning = parsed.items;
    rest = parsed.rest.trim();
  }
  let limit = DEFAULT_LIMIT;
  const lim = /^LIMIT\s+(\d+)$/i.exec(rest);
  if (lim) limit = Math.min(DEFAULT_LIMIT, Number(lim[1]));
  else if (rest) throw malformed(`unexpected token: '${rest.split(/\s+/)[0] ?? ''}'`);
  return { words, scope, returning, limit };
}

function parseReturning(org: Pick<OrgState, 'hasSObject'>, text: string): { items: Returning[]; rest: string } {
  const items: Returning[] = [];
  let i = 0;
  for (;;) {
    const name = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*/.exec(text.slice(i));
    if (!name?.[1]) throw malformed('RETURNING needs an object name.');
    i += name[0].length;
    const def = findSObject(name[1]);
    if (!def || !org.hasSObject(def.name)) throw new SoslError('INVALID_TYPE', `sObject type '${name[1]}' is not supported.`);
    let clause = '';
    if (text[i] === '(') {
      let depth = 0;
      const start = i + 1;
      for (; i < text.length; i += 1) {
        if (text[i] === '(') depth += 1;
        else if (text[i] === ')') depth -= 1;
        if (depth === 0) break;
      }
      if (depth !== 0) throw malformed(`unexpected end of RETURNING clause for ${def.name}`);
      clause = text.slice(start, i);
      i += 1;
    }
    items.push({ def, clause });
    const comma = /^\s*,\s*/.exec(text.slice(i));
    if (!comma) break;
    i += comma[0].length;
  }
  return { items, rest: text.slice(i) };
}

/** Words of the term; a quoted phrase's words are words too (every one must match, as with AND). */
function splitWords(term: string): string[] {
  return term
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !/^(AND|OR|NOT)$/.test(w));
}

function fieldsInScope(def: SObjectDef, scope: Scope): FieldDef[] {
  const text = (f: FieldDef) => ['string', 'textarea', 'email', 'phone', 'url', 'picklist'].includes(f.type);
  switch (scope) {
    case 'NAME':
      return def.fields.filter((f) => ['Name', 'FirstName', 'LastName', 'CaseNumber', 'Company'].includes(f.name));
    case 'EMAIL':
      return def.fields.filter((f) => f.type === 'email');
    case 'PHONE':
      return def.fields.filter((f) => f.type === 'phone');
    case 'ALL':
      return def.fields.filter(text);
  }
}

function wordPattern(word: string): RegExp {
  const unescaped = word.replace(/\\(.)/g, '$1');
  const source = unescaped
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'iu');
}

function matches(def: SObjectDef, record: SfRecord, words: string[], scope: Scope): boolean {
  const values = fieldsInScope(def, scope)
    .map((f) => record[f.name])
    .filter((v): v is string => typeof v === 'string' && v !== '');
  // A field matches a word by one of its tokens, or as a whole (an email address, a phone number as typed).
  const tokens = values.flatMap((v) => [v, ...v.split(/[^\p{L}\p{N}]+/u).filter(Boolean)]);
  return words.every((word) => {
    const pattern = wordPattern(word);
    return tokens.some((t) => pattern.test(t));
  });
}
