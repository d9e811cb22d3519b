/**
 * What a part of the pane says while its code is still on the way (issue 14: features, forms and dialogs are loaded
 * when first shown). English and French, as the shell's strings.
 */
import { resolveLocale, type Locale } from './strings';

export interface LoadingStrings {
  /** The signed-in workspace (people, save the email, outbox) before its code arrived. */
  loadingWorkspace: string;
  /** A form, a panel or a dialog before its code arrived. */
  loadingPart: string;
}

const STRINGS: Record<Locale, LoadingStrings> = {
  en: { loadingWorkspace: 'Loading your workspace…', loadingPart: 'Loading…' },
  fr: { loadingWorkspace: 'Chargement de votre espace…', loadingPart: 'Chargement…' },
};

export function loadingStrings(locale: string | undefined): LoadingStrings {
  return STRINGS[resolveLocale(locale)];
}
