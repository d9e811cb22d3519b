/** A pinned pane between items: nothing selected, nothing to look up. */
import { Text } from '@fluentui/react-components';
import type { WorkspaceStrings } from '../../i18n/workspace-strings';

export function NoItemMessage({ strings: s }: { strings: WorkspaceStrings }) {
  return <Text data-testid="no-item">{s.noItem}</Text>;
}
