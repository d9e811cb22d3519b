/**
 * What a failure says, whatever its shape (classify-salesforce-error.ts decides what it means): a jsforce error, a
 * token endpoint or redirect answer, a REST error array, an HTTP-ish {status, headers, body}, a network error from a
 * browser or Node. Text is read only where the code does not survive otherwise (see the classifier's header).
 */
import { DESCRIPTION_TO_CODE, FETCH_NETWORK_MESSAGE, NETWORK_ERROR_CODES, RESET_ERROR_CODES, TIMEOUT_ERROR_CODES, WRAPPED_REFRESH_PREFIX } from './classify-salesforce-error.rules';
import { headerOf, isArray, read, readStatus, readString, stringsOf } from './classify-salesforce-error.safe-read';
import { readDuplicateResult, type DuplicateRefusal } from './duplicate-refusal';

export interface Evidence {
  code?: string;
  /** OAuth `error_description` (not localized) — only consulted for invalid_grant. */
  description?: string;
  /** Salesforce's own text (REST message or OAuth description), for `detail`. */
  text?: string;
  status?: number;
  fields?: string[];
  /** The code came from a token endpoint / redirect (OAuth) rather than a REST error array. */
  oauth?: boolean;
  /** Came out of jsforce's auto-refresh: the token endpoint refused a refresh. */
  refresh?: boolean;
  network?: 'offline_or_unknown' | 'reset' | 'timeout';
  /** The body was not Salesforce's JSON: a gateway or maintenance page (HTML), a cut-off JSON body, or nothing. */
  notJson?: 'html' | 'cut_off' | 'empty' | 'text';
  /** A duplicate rule's `duplicateResult` (DUPLICATES_DETECTED). */
  duplicates?: DuplicateRefusal;
}

function fromRestError(item: unknown, ev: Evidence): boolean {
  const code = readString(item, 'errorCode');
  if (code === undefined) return false;
  ev.code = code;
  ev.text = readString(item, 'message');
  const fields = stringsOf(read(item, 'fields'));
  if (fields.length) ev.fields = fields;
  const duplicates = readDuplicateResult(item);
  if (duplicates) ev.duplicates = duplicates;
  return true;
}

function fromOAuth(value: unknown, ev: Evidence): boolean {
  const code = readString(value, 'error');
  if (code === undefined || code.trim() === '') return false;
  ev.code = code.trim();
  ev.oauth = true;
  const description = readString(value, 'error_description');
  if (description !== undefined) ev.description = ev.text = description;
  return true;
}

/** A REST error array: Salesforce's `[{message, errorCode, fields}]`; the first coded item decides, fields merge. */
function fromRestArray(list: unknown, ev: Evidence): boolean {
  if (!isArray(list)) return false;
  let found = false;
  const fields: string[] = [];
  const length = Math.min(Number(read(list, 'length')) || 0, 50);
  for (let i = 0; i < length; i++) {
    const item = read(list, String(i));
    const one: Evidence = {};
    if (!fromRestError(item, one)) continue;
    if (!found) {
      ev.code = one.code;
      ev.text = one.text;
      if (one.duplicates) ev.duplicates = one.duplicates;
      found = true;
    }
    if (one.fields) fields.push(...one.fields);
  }
  if (fields.length) ev.fields = [...new Set(fields)];
  return found;
}

/** An HTML page (gateway, maintenance, login redirect) in one line for `detail`: its title, never its markup. */
function htmlSummary(html: string): string {
  const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();
  return title ? `An HTML page instead of Salesforce's JSON: "${title}".` : "An HTML page instead of Salesforce's JSON.";
}

/** jsforce's own text for a `Content-Type: text/html` answer (lib/http-api.js getError); the page is in `data`. */
const JSFORCE_HTML_MESSAGE = /^HTTP response contains html content/;

/** A body as it came off the wire (string) or already parsed (array/object). */
function fromBody(body: unknown, ev: Evidence): boolean {
  if (body === null || body === undefined) return false;
  if (typeof body === 'string') {
    const text = body.trim();
    if (text === '') {
      ev.notJson = 'empty';
      return false;
    }
    if (text.startsWith('[') || text.startsWith('{')) {
      try {
        return fromBody(JSON.parse(text) as unknown, ev);
      } catch {
        // Salesforce's JSON, cut off on the way (a gateway or a dropped connection): its text is not worth showing.
        ev.notJson = 'cut_off';
        ev.text = `A cut-off JSON body (${text.length} characters) instead of Salesforce's answer.`;
        return false;
      }
    }
    if (text.startsWith('<')) {
      ev.notJson = 'html';
      ev.text = htmlSummary(text);
      return false;
    }
    if (/(^|[?#&])error=/.test(text)) return fromQuery(text, ev);
    // text/plain codes such as the identity URL's "Bad_OAuth_Token" or "Missing_OAuth_Token".
    if (/^[A-Za-z][A-Za-z0-9_]{2,60}$/.test(text)) {
      ev.code = text;
      return true;
    }
    ev.text = text;
    return false;
  }
  if (isArray(body)) return fromRestArray(body, ev);
  if (typeof body === 'object') return fromOAuth(body, ev) || fromRestError(body, ev);
  return false;
}

/** An OAuth redirect: a URL, a query or fragment string, or a URLSearchParams-like object. */
function fromQuery(text: string, ev: Evidence): boolean {
  let query = text.trim();
  const mark = query.search(/[?#]/);
  if (mark >= 0 && /^[a-z][a-z0-9+.-]*:/i.test(query)) {
    // a full URL: take the fragment if it carries the error (user-agent flow), else the query.
    const hash = query.indexOf('#');
    const fragment = hash >= 0 ? query.slice(hash + 1) : '';
    query = /(^|&)error=/.test(fragment) ? fragment : query.slice(mark + 1, hash >= 0 ? hash : undefined);
  } else {
    query = query.replace(/^[?#]/, '');
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    // Not a query string after all: no OAuth error in it.
    return false;
  }
  return fromOAuth({ error: params.get('error') ?? undefined, error_description: params.get('error_description') ?? undefined }, ev);
}

function isSearchParams(value: unknown): value is URLSearchParams {
  try {
    return typeof URLSearchParams !== 'undefined' && value instanceof URLSearchParams;
  } catch {
    // instanceof on a hostile Proxy (getPrototypeOf trap) throws: not URLSearchParams.
    return false;
  }
}

function fromNodeNetwork(value: unknown, ev: Evidence): boolean {
  const code = readString(value, 'code') ?? readString(value, 'errno');
  if (code === undefined) return false;
  if (TIMEOUT_ERROR_CODES.has(code)) ev.network = 'timeout';
  else if (RESET_ERROR_CODES.has(code)) ev.network = 'reset';
  else if (NETWORK_ERROR_CODES.has(code)) ev.network = 'offline_or_unknown';
  else return false;
  return true;
}

export function gather(error: unknown, ev: Evidence): void {
  if (typeof error === 'string') {
    if (/(^|[?#&])error=/.test(error)) fromQuery(error, ev);
    else if (FETCH_NETWORK_MESSAGE.test(error.trim())) ev.network = 'offline_or_unknown';
    else if (!fromBody(error, ev)) ev.text = error;
    return;
  }
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return;
  if (isSearchParams(error)) {
    fromOAuth({ error: error.get('error') ?? undefined, error_description: error.get('error_description') ?? undefined }, ev);
    return;
  }

  const name = readString(error, 'name');
  const message = readString(error, 'message');
  ev.status = readStatus(error);

  // AbortController / AbortSignal.timeout() / the project's own deadline errors.
  if (name === 'AbortError' || name === 'TimeoutError') {
    ev.network = 'timeout';
    return;
  }
  // node-fetch (jsforce in Node) reports its own timeout as FetchError type 'request-timeout'.
  if (readString(error, 'type') === 'request-timeout') {
    ev.network = 'timeout';
    return;
  }
  if (fromNodeNetwork(error, ev) || fromNodeNetwork(read(error, 'cause'), ev)) return;
  if (name === 'TypeError' && message !== undefined && FETCH_NETWORK_MESSAGE.test(message.trim())) {
    ev.network = 'offline_or_unknown';
    return;
  }

  // jsforce's own refresh failure: the code is gone, only the token endpoint's description survives.
  if (message !== undefined && message.startsWith(WRAPPED_REFRESH_PREFIX)) {
    const description = message.slice(WRAPPED_REFRESH_PREFIX.length).trim();
    ev.refresh = true;
    ev.description = ev.text = description;
    if (FETCH_NETWORK_MESSAGE.test(description)) {
      ev.network = 'offline_or_unknown';
      return;
    }
    const known = DESCRIPTION_TO_CODE.find((d) => d.pattern.test(description));
    if (known) {
      ev.code = known.code;
      ev.oauth = true;
    }
    return;
  }

  // jsforce REST error (HttpApiError): name = errorCode = the REST code, data = the error item (or an array for
  // MULTIPLE_API_ERRORS). ERROR_HTTP_<status> means the body was not a REST error: its text is in `message`.
  const errorCode = readString(error, 'errorCode');
  const data = read(error, 'data');
  const httpName = /^ERROR_HTTP_(\d{3})$/.exec(errorCode ?? name ?? '');
  if (httpName) {
    ev.status ??= Number(httpName[1]);
    if (message !== undefined && JSFORCE_HTML_MESSAGE.test(message)) {
      const page = read(error, 'data');
      ev.notJson = 'html';
      ev.text = typeof page === 'string' ? htmlSummary(page) : htmlSummary('');
      return;
    }
    if (message !== undefined && !fromBody(message, ev) && ev.notJson === undefined) ev.text = message;
    return;
  }
  if (errorCode !== undefined && errorCode !== '' && errorCode !== 'Error') {
    ev.code = errorCode;
    ev.text = message;
    if (errorCode === 'MULTIPLE_API_ERRORS' && fromRestArray(data, ev)) return;
    const fields = stringsOf(read(data, 'fields'));
    if (fields.length) ev.fields = fields;
    const duplicates = readDuplicateResult(data);
    if (duplicates) ev.duplicates = duplicates;
    return;
  }

  // Raw shapes: a token endpoint / redirect object, a REST error item, an HTTP-ish {status, headers, body}, an array.
  if (isArray(error)) {
    fromRestArray(error, ev);
    return;
  }
  if (fromOAuth(error, ev) || fromRestError(error, ev)) return;
  const body = read(error, 'body');
  if (fromBody(body, ev)) return;
  // The wrapper's jsforce boundary: a 2xx whose body was text, where only Salesforce's JSON (or nothing) was due.
  if (name === 'NotSalesforceJsonError') {
    ev.notJson ??= 'text';
    if (ev.text === undefined && message !== undefined) ev.text = message;
    return;
  }
  const location = headerOf(read(error, 'headers'), 'location');
  if (location !== undefined && /[?#&]error=/.test(location) && fromQuery(location, ev)) return;
  const network = read(error, 'network');
  const failure = readString(network, 'failure');
  if (failure === 'timeout') {
    ev.network = 'timeout';
    return;
  }
  if (failure !== undefined) {
    ev.network = 'offline_or_unknown';
    return;
  }

  // jsforce OAuth2 error: name = `error`, message = `error_description`. Only trusted when the name looks like an
  // OAuth/REST code (lower_snake or UPPER_SNAKE), so a plain `Error`/`RangeError` is not taken for one.
  if (name !== undefined && /^[A-Za-z]+(_[A-Za-z0-9]+)+$/.test(name)) {
    ev.code = name;
    ev.oauth = name === name.toLowerCase();
    if (message !== undefined) ev.description = ev.text = message;
    return;
  }
  if (message !== undefined && ev.text === undefined) ev.text = message;
}
