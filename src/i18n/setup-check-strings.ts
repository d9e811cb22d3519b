/**
 * The org set-up check's words, English and French: what each finding means in plain words, and where in Setup an
 * admin fixes or looks (one path per check), keyed by the check ids and finding keys of src/auth/setup-check (its
 * setup-check-result.ts; src/features/sign-in/describe-setup-finding.ts puts them together, and its test proves every
 * key is here in both languages). Placeholders are {name}, filled by `format`. {app} is the External Client App's
 * name as the admin knows it (the pane does not know it: "the add-in's app").
 */
import { resolveLocale, type Locale } from './strings';

export interface SetupCheckCatalogue {
  /** By check id. */
  titles: Record<string, string>;
  statuses: Record<'ok' | 'problem' | 'unknown', string>;
  /** By finding key. */
  findings: Record<string, string>;
  /** By check id. */
  fixes: Record<string, string>;
  defaultApp: string;
  panel: {
    action: string;
    running: string;
    heading: string;
    ready: string;
    notReady: string;
    fixLabel: string;
    failed: string;
  };
}

const en: SetupCheckCatalogue = {
  titles: {
    'login-host': 'Login address (My Domain)',
    'org-reachable': 'The org answers',
    'cors-allowlist': 'CORS allowlist',
    'oauth-cors': 'CORS for OAuth endpoints',
    'client-id': 'External Client App (consumer key)',
    'client-secret': 'Client secret',
    'callback-url': 'Callback URL',
    scopes: 'OAuth scopes',
    pkce: 'PKCE',
    'api-access': 'API access',
    'enhanced-email': 'Enhanced Email',
    'shared-activities': 'Shared Activities',
    'session-timeout': 'Session timeout',
    'refresh-token-policy': 'Refresh token policy',
  },
  statuses: { ok: 'OK', problem: 'Problem', unknown: 'Not known' },
  findings: {
    not_checked: 'Not checked: fix the problem above first.',
    sign_in_to_check: 'Sign in to Salesforce in the add-in to check this.',
    browser_cannot_check: 'The add-in can’t see this from Outlook. Run the admin check (npm run check-org) or look in Setup.',
    unexpected_answer: 'Salesforce gave an answer the check doesn’t know ({detail}). Look in Setup.',
    signed_in_through_it: 'Fine: you signed in to Salesforce through this app.',
    my_domain: '{host} is the org’s My Domain.',
    generic_login_host: '{host} is Salesforce’s general login page. The add-in can only sign in through the org’s My Domain.',
    host_refused: 'The add-in won’t use {host}: {detail}',
    reachable: '{host} answers as a Salesforce org.',
    unreachable: 'Nothing answers at {host}. The address is wrong, or this computer is offline.',
    not_salesforce: '{host} answers, but not as a Salesforce org ({detail}).',
    origin_allowed: 'Salesforce answers the add-in at {origin}.',
    origin_not_allowed: '{origin} is not on the org’s CORS allowlist, so Salesforce won’t answer the add-in.',
    oauth_cors_on: 'Salesforce lets the add-in finish signing in.',
    oauth_cors_off: '“Enable CORS for OAuth endpoints” is off, so sellers can’t finish signing in.',
    oauth_cors_hidden_by_allowlist: 'Can’t tell until {origin} is on the CORS allowlist.',
    client_known: 'Salesforce knows the consumer key {clientId}.',
    client_unknown: 'Salesforce doesn’t know the consumer key {clientId}: the External Client App is missing, not installed in this org, or config.json names another app’s key.',
    no_secret: 'The app lets the add-in sign in without a client secret.',
    secret_required: 'The app asks for a client secret, which an add-in can’t keep. Sellers can’t finish signing in.',
    callback_listed: 'The app lists the callback URL {redirectUri}.',
    callback_not_listed: 'The app doesn’t list the callback URL {redirectUri}, so Salesforce stops the sign-in on its own error page.',
    scopes_granted: 'The app offers the scopes the add-in asks for ({scopes}).',
    scopes_missing: 'The app doesn’t offer all the scopes the add-in asks for ({scopes}), so Salesforce stops the sign-in on its own error page.',
    pkce_required: 'The app requires PKCE, so a stolen sign-in code is useless to anyone else.',
    pkce_not_required: 'The app doesn’t require PKCE. Sign-in still works, but a stolen sign-in code could be used by another program.',
    api_enabled: 'The signed-in seller can use the Salesforce API.',
    api_disabled: 'The signed-in seller can’t use the Salesforce API (their profile lacks “API Enabled”, or the org’s edition has no API). The add-in can’t show or save anything.',
    enhanced_email_on: 'On. Saved emails are completed tasks in the activity timeline; emails sent from Salesforce show there as email records beside them.',
    enhanced_email_off: 'Off. Nothing changes for the add-in: saved emails are completed tasks in the activity timeline.',
    shared_activities_on: 'On. A saved email is linked to the person the seller picks; in Salesforce more contacts can be added to it later.',
    shared_activities_off: 'Off. A saved email is linked to one contact or lead, and to one account or opportunity.',
    session_timeout_unreadable: 'A seller can’t read it. When a session times out the add-in renews it by itself; sellers notice nothing unless the refresh token has expired too.',
    refresh_policy_unreadable:
      'A seller can’t read it. If refresh tokens expire (after a fixed time or when unused), sellers see “Connection lost” and sign in again; “Refresh token is valid until revoked” avoids this.',
  },
  fixes: {
    'login-host': 'Setup › My Domain: copy the My Domain URL into the add-in’s config.json (salesforce.loginUrl)',
    'org-reachable': 'Setup › My Domain: check the address in the add-in’s config.json (salesforce.loginUrl)',
    'cors-allowlist': 'Setup › CORS › Allowed Origins List › New: add {origin}',
    'oauth-cors': 'Setup › CORS › Edit: turn on “Enable CORS for OAuth endpoints”',
    'client-id': 'Setup › External Client App Manager › {app} › Settings › OAuth Settings › Consumer Key and Secret: put the consumer key in config.json (salesforce.clientId)',
    'client-secret': 'Setup › External Client App Manager › {app} › Settings › OAuth Settings › Flow Enablement: turn off “Require secret for Web Server Flow”',
    'callback-url': 'Setup › External Client App Manager › {app} › Settings › OAuth Settings › Callback URL: add {redirectUri} exactly',
    scopes:
      'Setup › External Client App Manager › {app} › Settings › OAuth Settings › Selected OAuth Scopes: add “Manage user data via APIs (api)” and “Perform requests at any time (refresh_token, offline_access)”',
    pkce: 'Setup › External Client App Manager › {app} › Settings › OAuth Settings › Flow Enablement: turn on “Require Proof Key for Code Exchange (PKCE)”',
    'api-access': 'Setup › Profiles (or Permission Sets) › the seller’s profile › System Permissions: turn on “API Enabled”',
    'enhanced-email': 'Setup › Enhanced Email',
    'shared-activities': 'Setup › Activity Settings: “Allow Users to Relate Multiple Contacts to Tasks and Events”',
    'session-timeout': 'Setup › External Client App Manager › {app} › Policies › OAuth Policies › Session Policies (Timeout Value); Setup › Session Settings',
    'refresh-token-policy': 'Setup › External Client App Manager › {app} › Policies › OAuth Policies › Refresh Token Policy',
  },
  defaultApp: 'the add-in’s app',
  panel: {
    action: 'Check this org’s set-up',
    running: 'Checking the org’s set-up…',
    heading: 'Org set-up check',
    ready: 'Nothing to fix: the org is ready for the add-in.',
    notReady: '{count} to fix in Salesforce Setup.',
    fixLabel: 'Where:',
    failed: 'The check could not run.',
  },
};

const fr: SetupCheckCatalogue = {
  titles: {
    'login-host': 'Adresse de connexion (My Domain)',
    'org-reachable': 'L’organisation répond',
    'cors-allowlist': 'Liste d’autorisation CORS',
    'oauth-cors': 'CORS pour les points de terminaison OAuth',
    'client-id': 'Application client externe (clé client)',
    'client-secret': 'Secret client',
    'callback-url': 'URL de rappel',
    scopes: 'Portées OAuth',
    pkce: 'PKCE',
    'api-access': 'Accès à l’API',
    'enhanced-email': 'E-mail amélioré',
    'shared-activities': 'Activités partagées',
    'session-timeout': 'Expiration de session',
    'refresh-token-policy': 'Politique des jetons d’actualisation',
  },
  statuses: { ok: 'OK', problem: 'Problème', unknown: 'Inconnu' },
  findings: {
    not_checked: 'Non vérifié : corrigez d’abord le problème ci-dessus.',
    sign_in_to_check: 'Connectez-vous à Salesforce dans l’add-in pour vérifier ce point.',
    browser_cannot_check: 'L’add-in ne peut pas le voir depuis Outlook. Lancez la vérification d’administrateur (npm run check-org) ou regardez dans la Configuration.',
    unexpected_answer: 'Salesforce a donné une réponse que la vérification ne connaît pas ({detail}). Regardez dans la Configuration.',
    signed_in_through_it: 'Correct : vous vous êtes connecté à Salesforce avec cette application.',
    my_domain: '{host} est le My Domain de l’organisation.',
    generic_login_host: '{host} est la page de connexion générale de Salesforce. L’add-in ne peut se connecter que par le My Domain de l’organisation.',
    host_refused: 'L’add-in n’utilisera pas {host} : {detail}',
    reachable: '{host} répond comme une organisation Salesforce.',
    unreachable: 'Rien ne répond à {host}. L’adresse est fausse, ou cet ordinateur est hors ligne.',
    not_salesforce: '{host} répond, mais pas comme une organisation Salesforce ({detail}).',
    origin_allowed: 'Salesforce répond à l’add-in sur {origin}.',
    origin_not_allowed: '{origin} n’est pas dans la liste d’autorisation CORS de l’organisation : Salesforce ne répondra pas à l’add-in.',
    oauth_cors_on: 'Salesforce laisse l’add-in terminer la connexion.',
    oauth_cors_off: '« Activer CORS pour les points de terminaison OAuth » est désactivé : les vendeurs ne peuvent pas terminer la connexion.',
    oauth_cors_hidden_by_allowlist: 'Impossible à dire tant que {origin} n’est pas dans la liste d’autorisation CORS.',
    client_known: 'Salesforce connaît la clé client {clientId}.',
    client_unknown:
      'Salesforce ne connaît pas la clé client {clientId} : l’application client externe manque, n’est pas installée dans cette organisation, ou config.json donne la clé d’une autre application.',
    no_secret: 'L’application laisse l’add-in se connecter sans secret client.',
    secret_required: 'L’application demande un secret client, qu’un add-in ne peut pas garder. Les vendeurs ne peuvent pas terminer la connexion.',
    callback_listed: 'L’application liste l’URL de rappel {redirectUri}.',
    callback_not_listed: 'L’application ne liste pas l’URL de rappel {redirectUri} : Salesforce arrête la connexion sur sa propre page d’erreur.',
    scopes_granted: 'L’application offre les portées demandées par l’add-in ({scopes}).',
    scopes_missing: 'L’application n’offre pas toutes les portées demandées par l’add-in ({scopes}) : Salesforce arrête la connexion sur sa propre page d’erreur.',
    pkce_required: 'L’application exige PKCE : un code de connexion volé ne sert à personne d’autre.',
    pkce_not_required: 'L’application n’exige pas PKCE. La connexion fonctionne, mais un code de connexion volé pourrait servir à un autre programme.',
    api_enabled: 'Le vendeur connecté peut utiliser l’API Salesforce.',
    api_disabled:
      'Le vendeur connecté ne peut pas utiliser l’API Salesforce (son profil n’a pas « API activée », ou l’édition de l’organisation n’a pas d’API). L’add-in ne peut rien afficher ni enregistrer.',
    enhanced_email_on:
      'Activé. Les e-mails enregistrés sont des tâches terminées dans la chronologie des activités ; les e-mails envoyés depuis Salesforce y figurent à côté, comme e-mails.',
    enhanced_email_off: 'Désactivé. Rien ne change pour l’add-in : les e-mails enregistrés sont des tâches terminées dans la chronologie des activités.',
    shared_activities_on: 'Activé. Un e-mail enregistré est lié à la personne choisie par le vendeur ; dans Salesforce, d’autres contacts peuvent y être ajoutés ensuite.',
    shared_activities_off: 'Désactivé. Un e-mail enregistré est lié à un contact ou une piste, et à un compte ou une opportunité.',
    session_timeout_unreadable:
      'Un vendeur ne peut pas le lire. Quand une session expire, l’add-in la renouvelle seul ; les vendeurs ne remarquent rien, sauf si le jeton d’actualisation a expiré aussi.',
    refresh_policy_unreadable:
      'Un vendeur ne peut pas le lire. Si les jetons d’actualisation expirent (après un délai fixe ou sans usage), les vendeurs voient « Connexion perdue » et se reconnectent ; « Le jeton d’actualisation est valide jusqu’à sa révocation » l’évite.',
  },
  fixes: {
    'login-host': 'Configuration › Mon domaine : copiez l’URL My Domain dans le config.json de l’add-in (salesforce.loginUrl)',
    'org-reachable': 'Configuration › Mon domaine : vérifiez l’adresse dans le config.json de l’add-in (salesforce.loginUrl)',
    'cors-allowlist': 'Configuration › CORS › Liste des origines autorisées › Nouveau : ajoutez {origin}',
    'oauth-cors': 'Configuration › CORS › Modifier : activez « Activer CORS pour les points de terminaison OAuth »',
    'client-id':
      'Configuration › Gestionnaire d’applications client externes › {app} › Paramètres › Paramètres OAuth › Clé et secret client : mettez la clé client dans config.json (salesforce.clientId)',
    'client-secret':
      'Configuration › Gestionnaire d’applications client externes › {app} › Paramètres › Paramètres OAuth › Activation des flux : désactivez « Exiger le secret pour le flux de serveur Web »',
    'callback-url': 'Configuration › Gestionnaire d’applications client externes › {app} › Paramètres › Paramètres OAuth › URL de rappel : ajoutez exactement {redirectUri}',
    scopes:
      'Configuration › Gestionnaire d’applications client externes › {app} › Paramètres › Paramètres OAuth › Portées OAuth sélectionnées : ajoutez « Gérer les données utilisateur via les API (api) » et « Effectuer des requêtes à tout moment (refresh_token, offline_access) »',
    pkce: 'Configuration › Gestionnaire d’applications client externes › {app} › Paramètres › Paramètres OAuth › Activation des flux : activez « Exiger PKCE (Proof Key for Code Exchange) »',
    'api-access': 'Configuration › Profils (ou Ensembles d’autorisations) › profil du vendeur › Autorisations système : activez « API activée »',
    'enhanced-email': 'Configuration › E-mail amélioré',
    'shared-activities': 'Configuration › Paramètres d’activité : « Autoriser les utilisateurs à associer plusieurs contacts à des tâches et des événements »',
    'session-timeout':
      'Configuration › Gestionnaire d’applications client externes › {app} › Politiques › Politiques OAuth › Politiques de session (délai d’expiration) ; Configuration › Paramètres de session',
    'refresh-token-policy': 'Configuration › Gestionnaire d’applications client externes › {app} › Politiques › Politiques OAuth › Politique des jetons d’actualisation',
  },
  defaultApp: 'l’application de l’add-in',
  panel: {
    action: 'Vérifier la configuration de l’organisation',
    running: 'Vérification de la configuration de l’organisation…',
    heading: 'Vérification de la configuration',
    ready: 'Rien à corriger : l’organisation est prête pour l’add-in.',
    notReady: '{count} à corriger dans la Configuration de Salesforce.',
    fixLabel: 'Où :',
    failed: 'La vérification n’a pas pu être lancée.',
  },
};

export const SETUP_CHECK_STRINGS: Record<Locale, SetupCheckCatalogue> = { en, fr };

export function setupCheckStrings(localeTag: string | undefined): SetupCheckCatalogue {
  return SETUP_CHECK_STRINGS[resolveLocale(localeTag)];
}

/** What every fix may name, whatever the finding carried: the app's name, the add-in's origin and callback URL. */
export interface SetupCheckContext {
  app?: string;
  origin?: string;
  redirectUri?: string;
  clientId?: string;
}
