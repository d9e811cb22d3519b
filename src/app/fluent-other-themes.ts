// The themes a pane loads only when Outlook is in them (fluent-theme.ts): their own chunk, out of the first paint.
export { teamsHighContrastTheme, webDarkTheme } from '@fluentui/react-components';
