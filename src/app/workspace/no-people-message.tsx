/** An email with no one to look up: a draft says how to get someone (add recipients), a read item says so plainly. */
import { Text } from '@fluentui/react-components';
import type { EmailContext } from '../../host/office-host';
import type { WorkspaceStrings } from '../../i18n/workspace-strings';

export function NoPeopleMessage({ mode, strings: s }: { mode: EmailContext['mode']; strings: WorkspaceStrings }) {
  return <Text data-testid="no-people">{mode === 'compose' ? s.composeHint : s.noAddresses}</Text>;
}
