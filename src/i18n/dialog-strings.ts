/**
 * The sign-in dialog pages' few lines (src/auth/dialog/) and MSAL's popup relay page's
 * (src/auth/microsoft/popup-relay-page.ts), English and French. The dialog has no Office locale before
 * office.js settles, so the browser's language picks.
 */
import { resolveLocale } from './strings';
import type { AuthStartRefusal } from '../auth/dialog/auth-start-plan';

export interface DialogStrings {
  opening: string;
  refused: Record<AuthStartRefusal, string>;
  configUnavailable: string;
  finishing: string;
  finished: string;
  notInOutlook: string;
  officeUnavailable: string;
  /** The Microsoft popup relay: one line and the button that opens the Microsoft sign-in page from the seller's click. */
  microsoftRelay: { title: string; text: string; button: string };
}

const en: DialogStrings = {
  opening: 'Opening Salesforce sign-in…',
  refused: {
    missing_parameters: 'Sign-in could not start: its settings are missing. Close this window and try again.',
    login_not_listed: 'Sign-in did not start: this Salesforce address is not one the add-in is set up for. Close this window and try again.',
    login_host_refused: 'Sign-in did not start: the add-in does not trust this Salesforce address. Close this window and ask your Salesforce admin.',
    settings_changed: 'Sign-in did not start: the add-in’s settings have changed. Close this window, reopen the add-in and try again.',
  },
  configUnavailable: 'Sign-in could not start: the add-in’s settings could not be read. Close this window and try again.',
  finishing: 'Finishing sign-in…',
  finished: 'Signed in. You can close this window.',
  notInOutlook: 'This window must be opened from the Outlook add-in.',
  officeUnavailable: 'Office is not available. Close this window and try again.',
  microsoftRelay: { title: 'Sign in with Microsoft', text: 'Continue to the Microsoft sign-in page.', button: 'Continue' },
};

const fr: DialogStrings = {
  opening: 'Ouverture de la connexion Salesforce…',
  refused: {
    missing_parameters: 'Connexion impossible : paramètres manquants. Fermez cette fenêtre et réessayez.',
    login_not_listed: 'La connexion n’a pas démarré : cette adresse Salesforce n’est pas une de celles prévues pour le complément. Fermez cette fenêtre et réessayez.',
    login_host_refused: 'La connexion n’a pas démarré : le complément ne fait pas confiance à cette adresse Salesforce. Fermez cette fenêtre et contactez votre administrateur Salesforce.',
    settings_changed: 'La connexion n’a pas démarré : les paramètres du complément ont changé. Fermez cette fenêtre, rouvrez le complément et réessayez.',
  },
  configUnavailable: 'Connexion impossible : les paramètres du complément n’ont pas pu être lus. Fermez cette fenêtre et réessayez.',
  finishing: 'Connexion en cours…',
  finished: 'Connexion terminée. Vous pouvez fermer cette fenêtre.',
  notInOutlook: 'Cette fenêtre doit être ouverte depuis le complément Outlook.',
  officeUnavailable: 'Office n’est pas disponible. Fermez cette fenêtre et réessayez.',
  microsoftRelay: { title: 'Se connecter avec Microsoft', text: 'Continuez vers la page de connexion Microsoft.', button: 'Continuer' },
};

export function dialogStrings(language: string | undefined): DialogStrings {
  return resolveLocale(language) === 'fr' ? fr : en;
}
