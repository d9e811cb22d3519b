/**
 * SOQL literals built from untrusted text (email addresses, subjects, names typed by others). Every value that goes
 * into a query goes through these: a hostile address like `x' OR Name LIKE '%` must stay one string literal.
 *
 * Escapes per the SOQL reference ("Quoted String Escape Sequences"): \\ \' \" \n \r \t \b \f; inside LIKE patterns
 * also \_ and \%. Other C0 control characters have no escape in SOQL and are dropped: no address or subject needs them.
 */
const STRING_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\\'"\n\r\t\b\f]|[\u0000-\u001f\u007f]/g;

export function escapeSoqlString(value: string): string {
  return value.replace(NEEDS_ESCAPE, (ch) => STRING_ESCAPES[ch] ?? '');
}

/** A complete quoted literal: 'value'. */
export function soqlString(value: string): string {
  return `'${escapeSoqlString(value)}'`;
}

/** A LIKE pattern matching `value` anywhere: '%value%', with the value's own % and _ taken literally. */
export function soqlContains(value: string): string {
  return `'%${escapeSoqlString(value).replace(/[%_]/g, (ch) => `\\${ch}`)}%'`;
}

/** ('a', 'b'); callers must not pass an empty list (SOQL has no empty IN). */
export function soqlInList(values: readonly string[]): string {
  if (values.length === 0) throw new Error('soqlInList: empty list');
  return `(${values.map(soqlString).join(', ')})`;
}

/** Salesforce record ids are 15 or 18 alphanumerics; anything else never reaches a query or a URL. */
export function isSalesforceId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value);
}

/** REST query path for a composite subrequest. */
export function queryUrl(apiPath: string, soql: string): string {
  return `${apiPath}/query?q=${encodeURIComponent(soql)}`;
}
