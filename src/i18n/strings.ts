/**
 * The shell's strings (sign-in, Connection lost, sign out), English and French. Failure texts for the seller live in
 * failure-messages.ts; the workspace's strings in workspace-strings.ts. Placeholders are {name} and are filled by
 * `format`, never by concatenation, so translators can move them.
 */

export type Locale = 'en' | 'fr';

export function resolveLocale(tag: string | undefined): Locale {
  return /^fr\b/i.test(tag ?? '') ? 'fr' : 'en';
}

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

const en = {
  appTitle: 'Salesforce for Outlook',
  starting: 'Connecting to Salesforce…',
  welcomeTitle: 'Salesforce for Outlook',
  welcomeBody: 'See the Salesforce people behind each email, save emails to Salesforce and create contacts.',
  signIn: 'Sign in to Salesforce',
  signingIn: 'Signing in…',
  loginChoiceLabel: 'Where do you sign in?',
  loginChoiceDefault: 'My Domain',
  signedInAs: 'Signed in as {name}',

  connectionLostTitle: 'Connection lost',
  lostSessionExpired: 'Your Salesforce session expired or is no longer valid.',
  lostBadToken: 'Your Salesforce sign-in could not be renewed.',
  lostWorkKept: 'Your work is kept and goes to Salesforce once you sign in again.',
  signInAgain: 'Sign in again',
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  showDetails: 'Details',
  hideDetails: 'Hide details',
  copyDetails: 'Copy details',
  copied: 'Copied',
  copyFailed: 'Could not copy; select the text instead.',
  detailKind: 'Kind',
  detailCode: 'Salesforce code',
  detailTime: 'Time',
  detailOrg: 'Org',
  detailUser: 'User',
  detailStatus: 'HTTP status',

  reconnecting: 'Reconnecting to Salesforce…',
  offlineTitle: 'You are offline',
  offlineBody: 'The add-in reconnects by itself when the network is back. Nothing is lost.',

  signInFailedTitle: 'Sign-in did not complete',
  dismiss: 'Dismiss',
  dialogPageNotFound: 'The sign-in page could not be opened. Try again; if it keeps failing, ask your admin to check the add-in’s address.',
  dialogHttps: 'The sign-in page must use HTTPS. Ask your admin to check the Salesforce login address in the add-in’s settings.',
  dialogDomainNotTrusted: 'The sign-in page is on a domain the add-in does not trust. Ask your admin to add the Salesforce domain to the add-in’s AppDomains.',
  dialogAlreadyOpen: 'A sign-in window is already open. Finish or close it, then try again.',
  dialogPromptIgnoredTitle: 'The sign-in window did not open',
  dialogPromptIgnored: 'You ignored or declined Outlook’s prompt to open the sign-in window. Click the button again and choose Allow.',
  popupBlockedTitle: 'Pop-ups are blocked',
  popupBlocked: 'Your browser blocked the sign-in window. To allow it in Outlook on the web:',
  popupBlockedStep1: 'Click the blocked pop-up icon at the right end of the address bar.',
  popupBlockedStep2: 'Choose “Always allow pop-ups and redirects” from Outlook, then Done.',
  popupBlockedStep3: 'Click the sign-in button again.',
  dialogOther: 'The sign-in window could not be opened (Office error {code}). Try again.',
  signInRejected: 'The answer from the sign-in window could not be verified, so it was not used. Please sign in again.',
  signInTryAgainSoon: 'Try signing in again in a moment.',
  signInTryAgainOnline: 'Sign in again once you are back online.',
  setupStepsLead: 'Ask your Salesforce admin to:',
  setupStepMyDomain: 'Use your Salesforce org’s My Domain as the add-in’s Salesforce login address (Setup → My Domain shows it, for example https://yourcompany.my.salesforce.com).',
  setupStepMyDomainNow: 'It is now {loginUrl}.',
  setupStepCorsOAuth: 'In Setup → CORS, turn on “Enable CORS for OAuth endpoints”.',
  setupStepAllowlist: 'In Setup → CORS, add {origin} to the CORS allowlist.',
  setupStepHostRefused: 'Check the Salesforce address the add-in refused: {host}. Nothing was sent to it.',
  setupStepHostFix:
    'Set the add-in’s Salesforce login address to your Salesforce org’s My Domain, or, for a custom domain you trust, list it under salesforce.customDomains in the add-in’s config.json.',

  switchedUserTitle: 'Signed in as another Salesforce user',
  switchedUser: 'You are now signed in as {name}; work waiting for {previous} was not sent.',
  switchedUserNoWork: 'You are now signed in as {name} instead of {previous}.',

  signOutConfirmTitle: 'Discard unsent work?',
  signOutConfirmBody: '{count} change(s) waiting for Salesforce will be discarded if you sign out now.',
  signOutDiscard: 'Discard and sign out',
  signOutKeep: 'Keep and cancel',
  signedOutNotice: 'You are signed out.',

  microsoftSignIn: 'Sign in with Microsoft',
  microsoftSigningIn: 'Signing in with Microsoft…',
  microsoftChecking: 'Checking your Microsoft account…',
  microsoftSignedInAs: 'Microsoft account: {name}',
  microsoftSignInHint: 'Sign in with your work account to keep your Salesforce connection to yourself.',
  microsoftInteractionRequiredTitle: 'Microsoft needs you to sign in',
  microsoftInteractionRequired: 'Your Microsoft session needs you again. Click “Sign in with Microsoft”.',
  microsoftPopupBlockedTitle: 'Pop-ups are blocked',
  microsoftPopupBlocked: 'Your browser blocked the Microsoft sign-in window. To allow it:',
  microsoftPopupBlockedStep1: 'Click the blocked pop-up icon at the right end of the address bar.',
  microsoftPopupBlockedStep2: 'Choose “Always allow pop-ups and redirects” from Outlook, then Done.',
  microsoftPopupBlockedStep3: 'Click “Sign in with Microsoft” again.',
  microsoftCancelledTitle: 'Microsoft sign-in cancelled',
  microsoftCancelled: 'The sign-in window was closed. Salesforce keeps working; sign in with Microsoft whenever you like.',
  microsoftOfflineTitle: 'You are offline',
  microsoftOffline: 'Microsoft sign-in needs the network. Try again once you are back online; Salesforce work is kept.',
  microsoftTimeoutTitle: 'Microsoft did not answer in time',
  microsoftTimeout: 'The Microsoft sign-in took too long. Try again.',
  microsoftErrorTitle: 'Microsoft sign-in did not complete',
  microsoftError: 'Try again. If it keeps failing, give your admin this code: {code}.',
  diagnosticsTitle: 'About and diagnostics',
  diagnosticsNotConfigured: 'Microsoft sign-in not configured',
  diagnosticsCrossPaneDropped: 'Messages from other panes refused: {count}',
  diagnosticsDebugLog: 'Debug log in the browser console (no passwords or tokens)',
  storageUnavailableTitle: 'This browser keeps nothing for the add-in',
  storageUnavailable:
    'Its storage is off here (a private window or a locked-down browser). You can sign in and look people up; saving emails, creating contacts and follow-ups are off, and you will sign in again each time you open the add-in.',
};

export type ShellStrings = typeof en;

const fr: ShellStrings = {
  appTitle: 'Salesforce pour Outlook',
  starting: 'Connexion à Salesforce…',
  welcomeTitle: 'Salesforce pour Outlook',
  welcomeBody: 'Retrouvez les personnes Salesforce derrière chaque e-mail, enregistrez vos e-mails dans Salesforce et créez des contacts.',
  signIn: 'Se connecter à Salesforce',
  signingIn: 'Connexion…',
  loginChoiceLabel: 'Où vous connectez-vous ?',
  loginChoiceDefault: 'Mon domaine',
  signedInAs: 'Connecté en tant que {name}',

  connectionLostTitle: 'Connexion perdue',
  lostSessionExpired: 'Votre session Salesforce a expiré ou n’est plus valide.',
  lostBadToken: 'Votre connexion Salesforce n’a pas pu être renouvelée.',
  lostWorkKept: 'Votre travail est conservé et sera envoyé à Salesforce dès que vous vous reconnecterez.',
  signInAgain: 'Se reconnecter',
  signOut: 'Se déconnecter',
  signingOut: 'Déconnexion…',
  showDetails: 'Détails',
  hideDetails: 'Masquer les détails',
  copyDetails: 'Copier les détails',
  copied: 'Copié',
  copyFailed: 'Copie impossible ; sélectionnez le texte.',
  detailKind: 'Type',
  detailCode: 'Code Salesforce',
  detailTime: 'Heure',
  detailOrg: 'Organisation',
  detailUser: 'Utilisateur',
  detailStatus: 'Statut HTTP',

  reconnecting: 'Reconnexion à Salesforce…',
  offlineTitle: 'Vous êtes hors connexion',
  offlineBody: 'Le complément se reconnecte tout seul dès le retour du réseau. Rien n’est perdu.',

  signInFailedTitle: 'La connexion n’a pas abouti',
  dismiss: 'Fermer',
  dialogPageNotFound: 'La page de connexion n’a pas pu s’ouvrir. Réessayez ; si le problème persiste, demandez à votre administrateur de vérifier l’adresse du complément.',
  dialogHttps: 'La page de connexion doit utiliser HTTPS. Demandez à votre administrateur de vérifier l’adresse de connexion Salesforce.',
  dialogDomainNotTrusted:
    'La page de connexion est sur un domaine que le complément n’approuve pas. Demandez à votre administrateur d’ajouter le domaine Salesforce aux AppDomains du complément.',
  dialogAlreadyOpen: 'Une fenêtre de connexion est déjà ouverte. Terminez-la ou fermez-la, puis réessayez.',
  dialogPromptIgnoredTitle: 'La fenêtre de connexion ne s’est pas ouverte',
  dialogPromptIgnored: 'Vous avez ignoré ou refusé la demande d’Outlook d’ouvrir la fenêtre de connexion. Cliquez à nouveau sur le bouton et choisissez Autoriser.',
  popupBlockedTitle: 'Fenêtres contextuelles bloquées',
  popupBlocked: 'Votre navigateur a bloqué la fenêtre de connexion. Pour l’autoriser dans Outlook sur le web :',
  popupBlockedStep1: 'Cliquez sur l’icône de fenêtre bloquée à droite de la barre d’adresse.',
  popupBlockedStep2: 'Choisissez « Toujours autoriser les fenêtres contextuelles et les redirections » pour Outlook, puis OK.',
  popupBlockedStep3: 'Cliquez à nouveau sur le bouton de connexion.',
  dialogOther: 'La fenêtre de connexion n’a pas pu s’ouvrir (erreur Office {code}). Réessayez.',
  signInRejected: 'La réponse de la fenêtre de connexion n’a pas pu être vérifiée et n’a pas été utilisée. Reconnectez-vous.',
  signInTryAgainSoon: 'Réessayez de vous connecter dans un instant.',
  signInTryAgainOnline: 'Reconnectez-vous dès que vous serez de nouveau en ligne.',
  setupStepsLead: 'Demandez à votre administrateur Salesforce de :',
  setupStepMyDomain:
    'Utiliser le Mon domaine (My Domain) de votre organisation Salesforce comme adresse de connexion Salesforce du complément (Configuration → Mon domaine l’indique, par exemple https://votresociete.my.salesforce.com).',
  setupStepMyDomainNow: 'Elle est actuellement {loginUrl}.',
  setupStepCorsOAuth: 'Dans Configuration → CORS, activer « Enable CORS for OAuth endpoints ».',
  setupStepAllowlist: 'Dans Configuration → CORS, ajouter {origin} à la liste d’autorisation CORS.',
  setupStepHostRefused: 'Vérifier l’adresse Salesforce refusée par le complément : {host}. Rien ne lui a été envoyé.',
  setupStepHostFix:
    'Régler l’adresse de connexion Salesforce du complément sur le Mon domaine (My Domain) de votre organisation Salesforce, ou, pour un domaine personnalisé de confiance, l’ajouter à salesforce.customDomains dans le config.json du complément.',

  switchedUserTitle: 'Connecté avec un autre utilisateur Salesforce',
  switchedUser: 'Vous êtes maintenant connecté en tant que {name} ; le travail en attente pour {previous} n’a pas été envoyé.',
  switchedUserNoWork: 'Vous êtes maintenant connecté en tant que {name} au lieu de {previous}.',

  signOutConfirmTitle: 'Abandonner le travail non envoyé ?',
  signOutConfirmBody: '{count} modification(s) en attente pour Salesforce seront abandonnées si vous vous déconnectez maintenant.',
  signOutDiscard: 'Abandonner et se déconnecter',
  signOutKeep: 'Conserver et annuler',
  signedOutNotice: 'Vous êtes déconnecté.',

  microsoftSignIn: 'Se connecter avec Microsoft',
  microsoftSigningIn: 'Connexion à Microsoft…',
  microsoftChecking: 'Vérification de votre compte Microsoft…',
  microsoftSignedInAs: 'Compte Microsoft : {name}',
  microsoftSignInHint: 'Connectez-vous avec votre compte professionnel pour garder votre connexion Salesforce pour vous seul.',
  microsoftInteractionRequiredTitle: 'Microsoft vous demande de vous connecter',
  microsoftInteractionRequired: 'Votre session Microsoft a besoin de vous. Cliquez sur « Se connecter avec Microsoft ».',
  microsoftPopupBlockedTitle: 'Les fenêtres contextuelles sont bloquées',
  microsoftPopupBlocked: 'Votre navigateur a bloqué la fenêtre de connexion Microsoft. Pour l’autoriser :',
  microsoftPopupBlockedStep1: 'Cliquez sur l’icône de fenêtre bloquée à droite de la barre d’adresse.',
  microsoftPopupBlockedStep2: 'Choisissez « Toujours autoriser les fenêtres contextuelles et les redirections » pour Outlook, puis OK.',
  microsoftPopupBlockedStep3: 'Cliquez à nouveau sur « Se connecter avec Microsoft ».',
  microsoftCancelledTitle: 'Connexion Microsoft annulée',
  microsoftCancelled: 'La fenêtre de connexion a été fermée. Salesforce continue de fonctionner ; connectez-vous à Microsoft quand vous le souhaitez.',
  microsoftOfflineTitle: 'Vous êtes hors connexion',
  microsoftOffline: 'La connexion Microsoft a besoin du réseau. Réessayez une fois de retour en ligne ; votre travail Salesforce est conservé.',
  microsoftTimeoutTitle: 'Microsoft n’a pas répondu à temps',
  microsoftTimeout: 'La connexion Microsoft a pris trop de temps. Réessayez.',
  microsoftErrorTitle: 'La connexion Microsoft n’a pas abouti',
  microsoftError: 'Réessayez. Si l’erreur persiste, donnez ce code à votre administrateur : {code}.',
  diagnosticsTitle: 'À propos et diagnostic',
  diagnosticsNotConfigured: 'Connexion Microsoft non configurée',
  diagnosticsCrossPaneDropped: 'Messages refusés venant d’autres volets : {count}',
  diagnosticsDebugLog: 'Journal de débogage dans la console du navigateur (sans mot de passe ni jeton)',
  storageUnavailableTitle: 'Ce navigateur ne conserve rien pour le complément',
  storageUnavailable:
    'Son stockage est désactivé ici (fenêtre privée ou navigateur verrouillé). Vous pouvez vous connecter et consulter les personnes ; l’enregistrement des e-mails, la création de contacts et les suivis sont désactivés, et vous devrez vous reconnecter à chaque ouverture du complément.',
};

export const SHELL_STRINGS: Record<Locale, ShellStrings> = { en, fr };

export function shellStrings(localeTag: string | undefined): ShellStrings {
  return SHELL_STRINGS[resolveLocale(localeTag)];
}
