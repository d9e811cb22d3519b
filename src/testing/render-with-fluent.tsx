/**
 * Renders a component as the pane does: inside Fluent's provider (its styles, focus handling and portals need it),
 * with a Testing Library user driving it by pointer and keyboard. The language picks the strings the pane would use.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { shellStrings, type Locale, type ShellStrings } from '../i18n/strings';
import { workspaceStrings, type WorkspaceStrings } from '../i18n/workspace-strings';

export interface PaneStrings {
  /** The locale tag the components are given ('en-US', 'fr-FR'). */
  locale: string;
  shell: ShellStrings;
  workspace: WorkspaceStrings;
}

/** The strings and locale tag of one of the pane's languages. */
export function stringsFor(lang: Locale = 'en'): PaneStrings {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  return { locale, shell: shellStrings(locale), workspace: workspaceStrings(locale) };
}

export function renderWithFluent(ui: ReactElement, { lang = 'en' }: { lang?: Locale } = {}) {
  // No pause between keystrokes: typing a field is one act for these tests, and timers between keys only add load.
  const user: UserEvent = userEvent.setup({ delay: null });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <FluentProvider theme={webLightTheme} lang={lang} dir="ltr">
      {children}
    </FluentProvider>
  );
  return { user, ...render(ui, { wrapper }) };
}
