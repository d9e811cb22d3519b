import type { BrowserContext } from 'playwright-core';

/** One refusal by a page's Content Security Policy, as the browser reported it. */
export interface CspViolation {
  /** 'event': a securitypolicyviolation event in some frame; 'console': Chromium's own console report. */
  via: 'event' | 'console';
  /** The document whose policy refused (the pane, a dialog, a relay window…). */
  documentUrl: string;
  directive: string;
  blocked: string;
  sample?: string;
}

// Per test worker: the e2e setup file (fail-on-csp-violation.ts) and every context of every browser share this list.
const recorded: CspViolation[] = [];

/** Everything recorded since the last call, and forgets it. */
export function takeCspViolations(): CspViolation[] {
  return recorded.splice(0);
}

/** Throws, naming each violation, when any page refused something since the last check. */
export function assertNoCspViolations(): void {
  const violations = takeCspViolations();
  if (violations.length === 0) return;
  const lines = violations.map((v) => `  ${v.directive} refused ${v.blocked}${v.sample ? ` (${v.sample})` : ''} in ${v.documentUrl} [${v.via}]`);
  throw new Error(`Content Security Policy violation${violations.length > 1 ? 's' : ''}:\n${lines.join('\n')}`);
}

const BINDING = '__reportCspViolation';

/**
 * Records every CSP violation in every page and frame of `context` (panes, dialogs, popups, iframes): the DOM's
 * securitypolicyviolation event, caught by a script the browser runs before any page script in each document (not
 * itself subject to the page's policy), and Chromium's console reports, which also cover refusals no event reaches.
 */
export async function watchCspViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding(BINDING, (_source, violation: Omit<CspViolation, 'via'>) => {
    recorded.push({ via: 'event', ...violation });
  });
  await context.addInitScript((binding) => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as Record<string, (v: unknown) => void>)[binding];
        report?.({
          documentUrl: event.documentURI,
          directive: event.effectiveDirective || event.violatedDirective,
          blocked: event.blockedURI || 'inline',
          sample: event.sample || undefined,
        });
      },
      true,
    );
  }, BINDING);
  context.on('console', (message) => {
    const text = message.text();
    if (message.type() !== 'error' || !/Content Security Policy/i.test(text)) return;
    // The event path records these with more detail; the console catches what no document event reports
    // (frame-ancestors refusals, a policy refusing before the init script ran).
    if (!/frame-ancestors|Refused to (frame|display)/i.test(text)) return;
    recorded.push({
      via: 'console',
      documentUrl: message.location().url || message.page()?.url() || '',
      directive: /directive: "([a-z-]+)/.exec(text)?.[1] ?? 'unknown',
      blocked: text.slice(0, 300),
    });
  });
}
