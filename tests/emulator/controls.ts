/**
 * Test and demo controls. The same operations are available in-process (`RunningEmulator.controls`) and over
 * HTTP under /__emulator/* (see README.md). None of them ever returns a token.
 *
 * Over 300 lines on purpose: every control, in-process and over HTTP, and the demo control page, in one table so none exists on one path only.
 */
import type { Reply } from './http';
import { htmlReply, jsonReply } from './http';
import type { FailRule, LogEntry, OrgState } from './org-state';
import type { EmulatorPolicy } from './policy';
import type { SfRecord } from './record-store';
import { FAILURE_PRESETS, presetAnswer, type FailurePreset } from './failure-presets';
import { editRecordAs, RecordEditError } from './record-edits';
import { findSObject } from './schema';
import { isMisconfiguration, misconfigurationPolicy, MISCONFIGURATIONS, type Misconfiguration } from './misconfigurations';

export interface FailNextOptions {
  /** How many matching requests to answer this way (default 1). */
  count?: number;
  /** Required unless `preset`, `withoutCors` or `cutOffAfterBytes` is given; without it the org's real answer is
   * sent, only without CORS headers or cut off. With a preset it overrides the preset's status. */
  status?: number;
  /** A string is sent as is; anything else as JSON with Content-Type application/json;charset=UTF-8. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Only requests whose path starts with this, e.g. /services/oauth2/token or /services/data. */
  pathPrefix?: string;
  /** An answer that is not Salesforce's: 'maintenance-page' (503 HTML) or 'gateway-error' (502 HTML, no CORS). */
  preset?: FailurePreset;
  /** No CORS headers on the answer, as from a gateway in front of the org: a browser sees a network error. */
  withoutCors?: boolean;
  /** Send the status, the headers (Content-Length of the whole body) and this many bytes of the body, then destroy
   * the socket: a cut-off body. */
  cutOffAfterBytes?: number;
}

export interface HangNextOptions {
  count?: number;
  pathPrefix?: string;
  /** The org carries the request out first (a write is committed), then its answer never comes. */
  afterCommit?: boolean;
}

export interface EmulatorControls {
  /** Every access token stops working now; refresh tokens still work. Optionally only one user's. */
  expireSessions(username?: string): number;
  /** Revokes every grant (refresh and access tokens) of the user, as an admin or the user would. */
  revokeUser(username: string): number;
  deactivateUser(username: string): void;
  reactivateUser(username: string): void;
  /** Login IP range / login hours restriction: sign-in and token requests fail until lifted. */
  restrict(restriction: { ip?: boolean; loginHours?: boolean }): void;
  /** Admin blocks the app: sessions end, sign-in redirects with OAUTH_APP_BLOCKED, refresh is refused. */
  blockApp(blocked?: boolean): void;
  failNext(options: FailNextOptions): void;
  /** The next matching requests never get an answer (the socket is held until close()). */
  hangNext(options?: HangNextOptions): void;
  /** Forgets every armed failNext and hangNext that has not fired yet: the org answers as itself again. */
  clearFaults(): void;
  setLatency(ms: number): void;
  /** Uses up DailyApiRequests: every REST call answers 403 REQUEST_LIMIT_EXCEEDED. */
  exhaustApiLimit(): void;
  setApiUsage(used: number): void;
  setPolicy(patch: Partial<EmulatorPolicy>): EmulatorPolicy;
  getPolicy(): EmulatorPolicy;
  /** One set-up mistake of a real org (misconfigurations.ts), on top of the current policy; reset() undoes it. */
  misconfigure(name: Misconfiguration): EmulatorPolicy;
  /** Moves the org's clock forward (token lifetimes, idle and expiry policies, code expiry). */
  advanceTime(ms: number): void;
  /** Reseeds records, forgets tokens, users' states, faults, log, policy changes. */
  reset(): void;
  log(): LogEntry[];
  clearLog(): void;
  records(sobject: string): SfRecord[];
  grants(): Array<Record<string, unknown>>;
  /**
   * Someone else changes a record behind the seller's back (default: the second demo user), through the org's save
   * rules; LastModifiedDate moves on. Returns the record as saved.
   */
  editRecord(sobject: string, id: string, fields: Record<string, unknown>, username?: string): SfRecord;
}

function requireUser(org: OrgState, username: string): string {
  const user = org.userByUsername(username);
  if (!user) throw new ControlError(`unknown user ${username}`);
  return user.id;
}

export class ControlError extends Error {}

export function createControls(org: OrgState): EmulatorControls {
  return {
    expireSessions: (username) => org.tokens.expireSessions(username === undefined ? undefined : requireUser(org, username)),
    revokeUser: (username) => org.tokens.revokeUser(requireUser(org, username), 'revoked by admin'),
    deactivateUser: (username) => {
      const id = requireUser(org, username);
      org.inactiveUsers.add(id);
      const record = org.records.get('User', id);
      if (record) record.IsActive = false;
    },
    reactivateUser: (username) => {
      const id = requireUser(org, username);
      org.inactiveUsers.delete(id);
      const record = org.records.get('User', id);
      if (record) record.IsActive = true;
    },
    restrict: (restriction) => {
      org.restrictions = {
        ip: restriction.ip ?? org.restrictions.ip,
        loginHours: restriction.loginHours ?? org.restrictions.loginHours,
      };
    },
    blockApp: (blocked = true) => {
      org.appBlocked = blocked;
      if (blocked) org.tokens.expireSessions();
    },
    failNext: (options) => {
      if (options.preset !== undefined && !FAILURE_PRESETS.includes(options.preset)) throw new ControlError(`unknown preset ${String(options.preset)}`);
      const preset = options.preset === undefined ? undefined : presetAnswer(options.preset, options.status);
      const status = preset?.status ?? options.status;
      if (typeof status !== 'number' && !options.withoutCors && options.cutOffAfterBytes === undefined) {
        throw new ControlError('status (number), preset, withoutCors or cutOffAfterBytes is required');
      }
      const isText = typeof options.body === 'string';
      const body = options.body === undefined ? (preset?.body ?? '') : isText ? (options.body as string) : JSON.stringify(options.body);
      const rule: FailRule = {
        remaining: options.count ?? 1,
        status,
        body,
        headers: {
          ...(preset?.headers ?? {}),
          ...(options.body === undefined ? {} : { 'Content-Type': isText ? 'text/plain;charset=UTF-8' : 'application/json;charset=UTF-8' }),
          ...(options.headers ?? {}),
        },
        pathPrefix: options.pathPrefix,
        withoutCors: options.withoutCors ?? preset?.withoutCors ?? false,
        cutOffAfterBytes: options.cutOffAfterBytes,
        fromOrg: !preset && !options.withoutCors,
      };
      org.failRules.push(rule);
    },
    hangNext: (options = {}) => {
      org.hangRules.push({ remaining: options.count ?? 1, pathPrefix: options.pathPrefix, afterCommit: options.afterCommit === true });
    },
    clearFaults: () => {
      org.failRules = [];
      org.hangRules = [];
    },
    setLatency: (ms) => {
      org.latencyMs = Math.max(0, ms);
    },
    exhaustApiLimit: () => {
      org.apiUsed = Math.max(org.apiUsed, org.policy.dailyApiLimit);
    },
    setApiUsage: (used) => {
      org.apiUsed = Math.max(0, used);
    },
    setPolicy: (patch) => org.setPolicy(patch),
    getPolicy: () => ({ ...org.policy }),
    misconfigure: (name) => {
      if (!isMisconfiguration(name)) throw new ControlError(`unknown misconfiguration ${String(name)}; one of ${MISCONFIGURATIONS.join(', ')}`);
      return org.setPolicy(
        misconfigurationPolicy(
          name,
          org.users.map((user) => user.username),
        ),
      );
    },
    advanceTime: (ms) => {
      org.clockOffsetMs += ms;
    },
    reset: () => org.reset(),
    log: () => org.log.map((e) => ({ ...e })),
    clearLog: () => {
      org.log = [];
    },
    records: (sobject) => {
      const def = findSObject(sobject);
      if (!def) throw new ControlError(`unknown sObject ${sobject}`);
      return org.records.all(def.name).map((r) => ({ ...r }));
    },
    grants: () => org.tokens.describeGrants((id) => org.userById(id)?.username),
    editRecord: (sobject, id, fields, username = 'second@demo.example') => {
      try {
        return { ...editRecordAs(org, sobject, id, fields, username) };
      } catch (err) {
        if (err instanceof RecordEditError) throw new ControlError(err.message);
        throw err;
      }
    },
  };
}

/** HTTP form of the controls: /__emulator/<name>, JSON in and out. */
export function handleControlRequest(controls: EmulatorControls, method: string, path: string, body: string): Reply {
  const route = path.replace(/^\/__emulator\/?/, '');
  let input: Record<string, unknown> = {};
  if (body.trim()) {
    try {
      input = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return jsonReply(400, { error: 'body must be JSON' });
    }
  }
  const str = (key: string): string => String(input[key] ?? '');
  try {
    if (method === 'GET') {
      if (route === '') return htmlReply(200, CONTROL_PAGE);
      if (route === 'log') return jsonReply(200, controls.log());
      if (route === 'policy') return jsonReply(200, controls.getPolicy());
      if (route === 'grants') return jsonReply(200, controls.grants());
      if (route.startsWith('records/')) return jsonReply(200, controls.records(decodeURIComponent(route.slice('records/'.length))));
    }
    if (method === 'DELETE' && route === 'log') {
      controls.clearLog();
      return jsonReply(200, { ok: true });
    }
    if (method === 'POST') {
      switch (route) {
        case 'expire-sessions':
          return jsonReply(200, { ok: true, expired: controls.expireSessions(input.username === undefined ? undefined : str('username')) });
        case 'revoke-user':
          return jsonReply(200, { ok: true, revoked: controls.revokeUser(str('username')) });
        case 'deactivate-user':
          controls.deactivateUser(str('username'));
          return jsonReply(200, { ok: true });
        case 'reactivate-user':
          controls.reactivateUser(str('username'));
          return jsonReply(200, { ok: true });
        case 'restrict':
          controls.restrict({ ip: input.ip as boolean | undefined, loginHours: input.loginHours as boolean | undefined });
          return jsonReply(200, { ok: true });
        case 'block-app':
          controls.blockApp(input.blocked === undefined ? true : Boolean(input.blocked));
          return jsonReply(200, { ok: true });
        case 'fail-next':
          controls.failNext(input);
          return jsonReply(200, { ok: true });
        case 'hang-next':
          controls.hangNext(input);
          return jsonReply(200, { ok: true });
        case 'clear-faults':
          controls.clearFaults();
          return jsonReply(200, { ok: true });
        case 'latency':
          controls.setLatency(Number(input.ms ?? 0));
          return jsonReply(200, { ok: true });
        case 'exhaust-api-limit':
          controls.exhaustApiLimit();
          return jsonReply(200, { ok: true });
        case 'api-usage':
          controls.setApiUsage(Number(input.used ?? 0));
          return jsonReply(200, { ok: true });
        case 'policy':
          return jsonReply(200, controls.setPolicy(input));
        case 'misconfigure':
          return jsonReply(200, controls.misconfigure(str('name') as Misconfiguration));
        case 'advance-time':
          controls.advanceTime(Number(input.ms ?? 0));
          return jsonReply(200, { ok: true });
        case 'reset':
          controls.reset();
          return jsonReply(200, { ok: true });
        case 'edit-record': {
          const fields = input.fields;
          if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new ControlError('fields (object) is required');
          const username = input.username === undefined ? undefined : str('username');
          return jsonReply(200, controls.editRecord(str('sobject'), str('id'), fields as Record<string, unknown>, username));
        }
        default:
          break;
      }
    }
    return jsonReply(404, { error: `no control ${method} /__emulator/${route}` });
  } catch (err) {
    if (err instanceof ControlError) return jsonReply(400, { error: err.message });
    throw err;
  }
}

const CONTROL_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Emulated Salesforce org – controls</title>
<style>body{font-family:system-ui,sans-serif;max-width:760px;margin:24px auto;padding:0 16px}code{background:#f3f3f3;padding:1px 4px}</style></head>
<body><h1>Emulated Salesforce org</h1>
<p>Controls (JSON bodies). See tests/emulator/README.md.</p>
<ul>
<li><code>POST /__emulator/expire-sessions</code> {username?}</li>
<li><code>POST /__emulator/revoke-user</code> {username}</li>
<li><code>POST /__emulator/deactivate-user</code> / <code>reactivate-user</code> {username}</li>
<li><code>POST /__emulator/restrict</code> {ip?, loginHours?}</li>
<li><code>POST /__emulator/block-app</code> {blocked}</li>
<li><code>POST /__emulator/fail-next</code> {count, status, body, headers?, pathPrefix?, preset?, withoutCors?, cutOffAfterBytes?}</li>
<li><code>POST /__emulator/hang-next</code> {count, pathPrefix?, afterCommit?}</li>
<li><code>POST /__emulator/latency</code> {ms}</li>
<li><code>POST /__emulator/exhaust-api-limit</code>, <code>POST /__emulator/api-usage</code> {used}</li>
<li><code>GET|POST /__emulator/policy</code></li>
<li><code>POST /__emulator/misconfigure</code> {name}: one of ${MISCONFIGURATIONS.map((name) => `<code>${name}</code>`).join(', ')} (undone by reset)</li>
<li><code>POST /__emulator/advance-time</code> {ms}</li>
<li><code>POST /__emulator/reset</code></li>
<li><code>POST /__emulator/edit-record</code> {sobject, id, fields, username?}: someone else changes a record (default second@demo.example)</li>
<li><code>GET|DELETE /__emulator/log</code>, <code>GET /__emulator/grants</code>, <code>GET /__emulator/records/&lt;SObject&gt;</code></li>
</ul>
<form method="post" action="/__emulator/expire-sessions" onsubmit="event.preventDefault();fetch(this.action,{method:'POST'}).then(r=>r.json()).then(j=>alert(JSON.stringify(j)))"><button>Expire all sessions</button></form>
</body></html>`;
