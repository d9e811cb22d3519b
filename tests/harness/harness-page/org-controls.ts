/**
 * The control panel's emulated-org buttons. The harness server proxies /__harness/emulator/<name> to the org's
 * /__emulator controls, so they work whatever the org's CORS allowlist says.
 */
import { log } from './activity-log';
import { el, element } from './dom';
import { MISCONFIGURATIONS } from '../../emulator/misconfigurations';
import { DEMO_CONTACTS, DEMO_OPPORTUNITIES } from '../../emulator/seed';

/** How often the request count refreshes. */
const COUNT_REFRESH_MS = 3000;

interface InjectedFailure {
  status: number;
  body: Array<{ message: string; errorCode: string; fields?: string[] }>;
}

/** The failure picker's options: Salesforce's own answers. */
const FAILURES: Record<string, InjectedFailure> = {
  503: { status: 503, body: [{ message: 'Service Unavailable', errorCode: 'SERVER_UNAVAILABLE' }] },
  500: { status: 500, body: [{ message: 'An unexpected error occurred.', errorCode: 'UNKNOWN_EXCEPTION' }] },
  401: { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] },
  403: { status: 403, body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }] },
  // Salesforce's own shapes: a record or object the user may not write, and a validation rule shown at the top of
  // the page (no field named).
  '403-access': {
    status: 403,
    body: [{ message: 'insufficient access rights on cross-reference id', errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', fields: [] }],
  },
  '400-validation': {
    status: 400,
    body: [{ message: 'This record does not meet the validation rules of your org.', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: [] }],
  },
};

/** Buttons that are one emulator control with a fixed body. */
const FIXED_CONTROLS: Record<string, [control: string, body: Record<string, boolean>]> = {
  'restrict-ip': ['restrict', { ip: true }],
  'restrict-hours': ['restrict', { loginHours: true }],
  'lift-restrictions': ['restrict', { ip: false, loginHours: false }],
  'block-app': ['block-app', { blocked: true }],
  'unblock-app': ['block-app', { blocked: false }],
};

function refreshCount(): Promise<void> {
  const readout = element('request-count');
  return fetch('/__harness/emulator/log', { cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<unknown>) : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((data) => {
      const log = data as { entries?: unknown[]; requests?: unknown[] } | unknown[];
      const entries = (Array.isArray(log) ? log : log.entries || log.requests || []) as Array<{ path?: string; url?: string }>;
      const api = entries.filter((e) => String(e.path || e.url || '').startsWith('/services/data/')).length;
      readout.textContent = `requests: ${entries.length} (REST API: ${api})`;
    })
    .catch(() => {
      readout.textContent = 'requests: org not reachable';
    });
}

function control(name: string, body?: unknown): Promise<boolean> {
  return fetch(`/__harness/emulator/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body || {}),
  }).then(
    (response) =>
      response.text().then((text) => {
        log(`org: ${name} → ${response.status}${response.ok ? '' : ` ${text.slice(0, 120)}`}`);
        void refreshCount();
        return response.ok;
      }),
    (error: Error) => {
      log(`org: ${name} failed: ${error.message}`);
      return false;
    },
  );
}

function setLatency(ms: number): Promise<void> {
  return control('latency', { ms }).then((ok) => {
    if (ok) element('latency-readout').textContent = `latency: ${ms} ms`;
  });
}

function onControl(name: string): Promise<unknown> {
  if (name === 'revoke-user') return control(name, { username: element('revoke-user', HTMLSelectElement).value });
  if (name === 'deactivate-user' || name === 'reactivate-user') return control(name, { username: element('admin-user', HTMLSelectElement).value });
  const fixed = FIXED_CONTROLS[name];
  if (fixed) return control(fixed[0], fixed[1]);
  if (name === 'latency') return setLatency(Math.max(0, Math.round(Number(element('latency-ms', HTMLInputElement).value) || 0)));
  if (name === 'latency-reset') return setLatency(0);
  // One set-up mistake of a real org (tests/emulator/misconfigurations.ts), for the set-up check; Reset org undoes it.
  if (name === 'misconfigure') return control(name, { name: element('misconfiguration', HTMLSelectElement).value });
  if (name === 'reset') {
    // Resetting the org also drops its latency.
    return control(name).then((ok) => {
      if (ok) element('latency-readout').textContent = 'latency: 0 ms';
    });
  }
  if (name === 'colleague-edit') {
    // Behind the seller's back: the cards already on screen now hold stale values, so the next Edit meets a conflict.
    return control('edit-record', { sobject: 'Contact', id: DEMO_CONTACTS.jane.Id, fields: { Title: 'Chief Procurement Officer' } }).then((ok) =>
      ok ? control('edit-record', { sobject: 'Opportunity', id: DEMO_OPPORTUNITIES.acmeWidgets.Id, fields: { StageName: 'Needs Analysis' } }) : false,
    );
  }
  if (name === 'fail-next') {
    const failure = FAILURES[element('fail-kind', HTMLSelectElement).value];
    if (!failure) return Promise.resolve(false);
    // REST calls only: a failure meant for the data API must not land on the token endpoint instead.
    return control(name, { count: Number(element('fail-count', HTMLInputElement).value) || 1, status: failure.status, body: failure.body, pathPrefix: '/services/data' });
  }
  return control(name);
}

export function wireOrgControls(users: Array<{ username: string; label: string }>): void {
  for (const user of users) {
    element('revoke-user').appendChild(el('option', { value: user.username }, user.label));
    element('admin-user').appendChild(el('option', { value: user.username }, user.label));
  }
  for (const name of MISCONFIGURATIONS) element('misconfiguration').appendChild(el('option', { value: name }, name));
  document.querySelectorAll('[data-control]').forEach((button) => {
    button.addEventListener('click', () => void onControl(button.getAttribute('data-control') ?? ''));
  });
  setInterval(() => void refreshCount(), COUNT_REFRESH_MS);
  void refreshCount();
}
