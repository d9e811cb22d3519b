/**
 * A set-up check finding (src/auth/setup-check) in the seller's or the admin's words (src/i18n/setup-check-strings.ts):
 * the check's title, what it found in plain words, and where in Setup to fix or look.
 */
import type { SetupCheckResult, SetupFinding } from '../../auth/setup-check/setup-check-result';
import { setupCheckStrings, type SetupCheckContext } from '../../i18n/setup-check-strings';
import { format } from '../../i18n/strings';

export type DescribedFinding = SetupCheckResult & { title: string };

export function describeFinding(finding: SetupFinding, localeTag: string | undefined, context: SetupCheckContext = {}): DescribedFinding {
  const words = setupCheckStrings(localeTag);
  const known = Object.fromEntries(Object.entries(context).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const values: Record<string, string> = { app: words.defaultApp, ...known, ...(finding.values ?? {}) };
  const result: DescribedFinding = {
    id: finding.id,
    status: finding.status,
    title: words.titles[finding.id] ?? finding.id,
    what: format(words.findings[finding.finding] ?? finding.finding, values),
    fix: format(words.fixes[finding.id] ?? '', values),
  };
  if (finding.reason !== undefined) result.reason = finding.reason;
  return result;
}
