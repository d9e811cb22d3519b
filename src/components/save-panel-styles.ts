/** The look the save panels share (Save email, Save meeting): a bordered column of rows in a 320 px pane. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useSavePanelStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // A native <select> is as wide as its longest option (an opportunity's name); in a 320px pane that pushed it out of
  // the panel and made the pane scroll sideways. Let it shrink to the panel and cut the shown option instead.
  select: { minWidth: 0, maxWidth: '100%' },
  writeError: { color: tokens.colorPaletteRedForeground1 },
  wrap: { overflowWrap: 'anywhere' },
});
