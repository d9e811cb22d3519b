import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dialogStrings } from '../../src/i18n/dialog-strings';
import { FAILURE_REASONS_WITH_MESSAGES, failureMessage } from '../../src/i18n/failure-messages';
import { SHELL_STRINGS } from '../../src/i18n/strings';
import { WORKSPACE_STRINGS } from '../../src/i18n/workspace-strings';
import { FAILURE_KINDS } from '../../src/salesforce/failure-kinds';

// docs/troubleshooting.md is keyed by the exact words a seller sees: each quoted title and each quoted line must be
// what the add-in shows (English catalogues, placeholders kept as {name}), and every failure message has an entry.

const doc = readFileSync(new URL('../../docs/troubleshooting.md', import.meta.url), 'utf8');
const main = readFileSync(new URL('../../src/main.tsx', import.meta.url), 'utf8');

/** src/main.tsx's start-up messages, shown before any catalogue is loaded. */
const STARTUP = ['Open this add-in from Outlook', 'This page runs inside Outlook as an add-in.', 'The add-in is not configured'];

const failureMessages = [...FAILURE_KINDS.map((kind) => failureMessage({ kind }, 'en')), ...FAILURE_REASONS_WITH_MESSAGES.map((reason) => failureMessage({ kind: 'unknown', reason }, 'en'))];
const dialog = dialogStrings('en');
const catalogue: string[] = [
  ...Object.values(SHELL_STRINGS.en),
  ...Object.values(WORKSPACE_STRINGS.en),
  ...Object.values(dialog.refused),
  dialog.configUnavailable,
  dialog.notInOutlook,
  dialog.officeUnavailable,
  ...failureMessages.flatMap((m) => [m.title, m.explanation, m.action]),
  ...STARTUP,
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Placeholders stay literal in the doc ({loginUrl}), so a quoted line says exactly what the template says.
const anyString = `(?:${[...new Set(catalogue)]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')})`;
/** One catalogue string, or several the pane shows together (an explanation and its action), joined by a space. */
const shownLine = new RegExp(`^${anyString}(?: ${anyString})*$`);

const quotedLines = doc
  .split('\n')
  .filter((line) => line.startsWith('> '))
  .map((line) => line.slice(2));
const headingTitles = doc
  .split('\n')
  .filter((line) => line.startsWith('### '))
  .flatMap((line) => [...line.matchAll(/"([^"]+)"/g)].map((m) => m[1]!));

describe('docs/troubleshooting.md', () => {
  it('quotes only what the add-in shows, word for word', () => {
    expect(quotedLines.length).toBeGreaterThan(40);
    expect(quotedLines.filter((line) => !shownLine.test(line))).toEqual([]);
    expect(headingTitles.filter((title) => !catalogue.includes(title))).toEqual([]);
    for (const text of STARTUP) expect(main).toContain(text);
  });

  it('has an entry for every failure message, every sign-in problem and the shell’s notices', () => {
    const titles = new Set(headingTitles);
    expect(failureMessages.map((m) => m.title).filter((title) => !titles.has(title))).toEqual([]);
    const shellTitles = Object.entries(SHELL_STRINGS.en)
      .filter(([key]) => key.endsWith('Title') && !['appTitle', 'welcomeTitle', 'diagnosticsTitle'].includes(key) && key !== 'signOutConfirmTitle')
      .map(([, title]) => title);
    expect(shellTitles.filter((title) => !titles.has(title))).toEqual([]);
    const s = SHELL_STRINGS.en;
    const signInLines = [
      s.dialogPageNotFound,
      s.dialogHttps,
      s.dialogDomainNotTrusted,
      s.dialogAlreadyOpen,
      s.dialogPromptIgnored,
      s.dialogOther,
      s.signInRejected,
      s.lostBadToken,
      s.lostSessionExpired,
    ];
    const dialogLines = [...Object.values(dialog.refused), dialog.configUnavailable, dialog.notInOutlook];
    expect([...signInLines, ...dialogLines].filter((line) => !quotedLines.includes(line))).toEqual([]);
    // Every explanation is quoted somewhere (with its action, or as the sign-in shows it).
    expect(failureMessages.filter((m) => !quotedLines.some((line) => line.startsWith(m.explanation))).map((m) => m.title)).toEqual([]);
  });
});
