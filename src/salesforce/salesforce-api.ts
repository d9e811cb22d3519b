/**
 * What features and auth see of Salesforce. Implemented by the connection wrapper in `src/salesforce/connection/`
 * (the only code that imports jsforce). Every method settles within the configured deadline and rejects only with
 * a `SalesforceFailureError` carrying a classified failure.
 */
import type { ClassifiedFailure } from './failure-kinds';
import type { BlobUpload } from './connection/multipart-upload';

export type { BlobUpload } from './connection/multipart-upload';

/** Who is signed in, from the identity URL. Never holds a token. */
export interface SalesforceIdentity {
  orgId: string;
  userId: string;
  username: string;
  displayName: string;
  email: string;
  /** Login host the seller signed in through (My Domain / sandbox / emulator). */
  loginUrl: string;
  instanceUrl: string;
}

/** The result of a sign-in (code exchange) or a refresh. Held in memory; only the refresh token is persisted, encrypted. */
export interface SalesforceTokens {
  accessToken: string;
  refreshToken?: string;
  instanceUrl: string;
  /** The `id` URL from the token response: https://host/id/<orgId>/<userId> */
  identityUrl: string;
  issuedAt: number;
}

export type ConnectionState =
  | { status: 'signed_out' }
  | { status: 'connecting' }
  | { status: 'connected' }
  | { status: 'refreshing' }
  | { status: 'lost'; failure: ClassifiedFailure; at: number }
  | { status: 'offline' };

export interface QueryResult<T> {
  totalSize: number;
  done: boolean;
  records: T[];
}

export interface CompositeSubrequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path from the instance root, e.g. /services/data/v62.0/query?q=... */
  url: string;
  referenceId: string;
  body?: unknown;
  /** Request headers of this subrequest (not Accept, Authorization, Content-Type), e.g. If-Modified-Since on a describe. */
  httpHeaders?: Record<string, string>;
}

export interface CompositeSubresponse {
  referenceId: string;
  httpStatusCode: number;
  body: unknown;
  /** The subresponse's own headers as Salesforce reports them (Location, Last-Modified, ETag); absent when none. */
  httpHeaders?: Record<string, string>;
}

/** Sent as `Sforce-Duplicate-Rule-Header` (REST API 52.0+): how the org's duplicate rules treat this create. */
export interface DuplicateRuleOptions {
  /** Save past an Alert rule's refusal (a Block rule refuses whatever this says). */
  allowSave: boolean;
  /** The refusal's matched records carry their fields (Name, Email…), not only their ids. */
  includeRecordDetails?: boolean;
}

export interface CreateOptions {
  duplicateRule?: DuplicateRuleOptions;
}

export interface UpdateOptions {
  /** RFC 9110 IMF-fixdate, e.g. "Wed, 15 Jan 2025 09:00:00 GMT" (sent as the If-Unmodified-Since header). */
  ifUnmodifiedSince?: string;
}

export interface SearchResult {
  searchRecords: Array<Record<string, unknown>>;
}

export interface RecentItem {
  attributes: { type: string; url?: string };
  Id: string;
  Name: string | null;
}

export interface SalesforceApi {
  /** The signed-in identity, or undefined when signed out. */
  identity(): SalesforceIdentity | undefined;
  state(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;

  query<T = Record<string, unknown>>(soql: string): Promise<QueryResult<T>>;
  create(sobject: string, fields: Record<string, unknown>, options?: CreateOptions): Promise<{ id: string }>;
  /**
   * PATCH /sobjects/<sobject>/<id>. `ifUnmodifiedSince` (an HTTP-date) makes it conditional: Salesforce refuses with
   * 412 (failure `status` 412) when the record was modified after it, and writes nothing.
   */
  update(sobject: string, id: string, fields: Record<string, unknown>, options?: UpdateOptions): Promise<void>;
  /**
   * The org's External ID field for `sobject` when the runtime config names one (`salesforce.externalIdFields`);
   * undefined otherwise. Where there is one, the outbox creates records by `upsert` instead of `create`.
   */
  externalIdField(sobject: 'Task' | 'Contact' | 'Event'): string | undefined;
  /**
   * PATCH /sobjects/<sobject>/<externalIdField>/<key>: creates the record (`created: true`, 201) or updates the one
   * record that carries the key (`created: false`, 200). Safe to send twice. Several records with the key: refused
   * (300, `validation`, code MULTIPLE_CHOICES), nothing written. An upsert that inserts meets the duplicate rules as a
   * create does; `options.duplicateRule` as for create.
   */
  upsert(sobject: string, externalIdField: string, key: string, fields: Record<string, unknown>, options?: CreateOptions): Promise<{ id: string; created: boolean }>;
  retrieve<T = Record<string, unknown>>(sobject: string, id: string, fields?: string[]): Promise<T>;
  /**
   * GET /search?q=<SOSL>: one API call, `searchRecords` as Salesforce answers them. Safe to send twice. Aborting
   * `signal` cancels the request in flight; the call then rejects with an AbortError, which is no failure.
   */
  search(sosl: string, signal?: AbortSignal): Promise<SearchResult>;
  /** GET /recent?limit=n: the records the seller viewed last in Salesforce, newest first. `signal` as for search. */
  recentItems(limit: number, signal?: AbortSignal): Promise<RecentItem[]>;
  /** One API call carrying up to 25 subrequests; each subresponse keeps its own status and body. */
  composite(requests: CompositeSubrequest[], options?: { allOrNone?: boolean }): Promise<CompositeSubresponse[]>;
  /**
   * Inserts a record carrying a file (ContentVersion with VersionData) as Salesforce's documented multipart body:
   * for files too large for a JSON request. Not idempotent: after a possible landing, check before sending again.
   */
  createWithBlob(sobject: string, upload: BlobUpload): Promise<{ id: string }>;
  /** API version path prefix, e.g. /services/data/v62.0 */
  readonly apiPath: string;
}
