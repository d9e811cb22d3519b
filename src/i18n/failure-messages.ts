/**
 * What the seller reads for each failure kind and reason: a title, one line on what happened, and what to do. Admin
 * cases say exactly what to ask the Salesforce admin for. Salesforce's own text (`failure.detail`) is shown beside
 * this as details to copy, never instead of it. Each catalogue is a Record over FAILURE_KINDS and FAILURE_REASONS, so a
 * kind or reason without its entry in every language does not compile. Over 300 lines: it is two catalogues of prose,
 * kept side by side so a reader compares the languages entry by entry.
 */
import { FAILURE_REASONS, isFailureReason, type FailureKind, type FailureReason } from '../salesforce/failure-kinds';

export interface FailureMessage {
  title: string;
  explanation: string;
  action: string;
}

export type FailureLocale = 'en' | 'fr';

type Catalogue = {
  kinds: Record<FailureKind, FailureMessage>;
  /**
   * Precise causes (ClassifiedFailure.reason) that change what to do. `null`: the reason changes nothing the seller
   * reads, and the kind's message stands (a deliberate choice, written down, rather than a forgotten entry).
   */
  reasons: Record<FailureReason, FailureMessage | null>;
};

const en: Catalogue = {
  kinds: {
    bad_oauth_token: {
      title: 'Connection lost',
      explanation: 'Salesforce no longer accepts this sign-in. It may have expired or been revoked.',
      action: 'Sign in again. Nothing you did has been lost.',
    },
    session_expired: {
      title: 'Connection lost',
      explanation: 'Your Salesforce session has expired or is no longer valid.',
      action: 'Sign in again. Nothing you did has been lost.',
    },
    reauth_required: {
      title: 'Sign-in did not finish',
      explanation: 'Salesforce did not complete the sign-in.',
      action: 'Try signing in again.',
    },
    admin_action_required: {
      title: 'Your Salesforce admin needs to help',
      explanation: 'Salesforce refused the connection for a reason only an admin can change.',
      action: 'Ask your Salesforce admin to check your user and the Outlook add-in’s app settings, and send them the details below.',
    },
    rate_limited: {
      title: 'Salesforce is busy',
      explanation: 'Your Salesforce org has reached its usage limit for now.',
      action: 'Try again later. Nothing you did has been lost.',
    },
    permission_denied: {
      title: 'No access',
      explanation: 'Your Salesforce user doesn’t have access to this record, object or field.',
      action: 'Ask your Salesforce admin to give you the access named in the details below.',
    },
    not_found: {
      title: 'Record not found',
      explanation: 'The Salesforce record no longer exists or isn’t shared with you.',
      action: 'Refresh to see the current records.',
    },
    validation: {
      title: 'Salesforce didn’t accept the data',
      explanation: 'Some values are missing or don’t meet your Salesforce org’s rules.',
      action: 'Check the highlighted fields and try again.',
    },
    transient: {
      title: 'Salesforce is briefly unavailable',
      explanation: 'Salesforce didn’t complete the request this time.',
      action: 'We’ll retry automatically. Nothing you did has been lost.',
    },
    offline: {
      title: 'You’re offline',
      explanation: 'There is no network connection.',
      action: 'We’ll continue as soon as you’re back online.',
    },
    timeout: {
      title: 'Salesforce is taking too long',
      explanation: 'Salesforce didn’t answer in time.',
      action: 'We’ll retry. Nothing you did has been lost.',
    },
    unknown: {
      title: 'Something went wrong',
      explanation: 'The request to Salesforce failed unexpectedly.',
      action: 'Try again. If it keeps happening, copy the details below for your admin or support.',
    },
  },
  reasons: {
    inactive_user: {
      title: 'Your Salesforce user is inactive',
      explanation: 'Salesforce reports that your user has been deactivated.',
      action: 'Ask your Salesforce admin to reactivate your user.',
    },
    ip_restricted: {
      title: 'Sign-in not allowed from here or now',
      explanation: 'Your Salesforce profile restricts the network addresses or hours you can sign in from.',
      action: 'Ask your Salesforce admin to allow your network address or login hours, or try again from an allowed network.',
    },
    app_blocked: {
      title: 'The add-in isn’t allowed in your Salesforce org',
      explanation: 'Your Salesforce org blocks this app or hasn’t approved you to use it.',
      action: 'Ask your Salesforce admin to unblock the Outlook add-in’s app and approve your user for it.',
    },
    api_disabled: {
      title: 'Salesforce API access is off',
      explanation: 'Your Salesforce org or your user isn’t allowed to use the Salesforce API, which the add-in needs.',
      action: 'Ask your Salesforce admin to turn on “API Enabled” for your user (or the API for your Salesforce org).',
    },
    invalid_client: {
      title: 'The add-in isn’t set up in Salesforce',
      explanation: 'Salesforce doesn’t recognise the add-in’s app, its callback URL or its scopes.',
      action: 'Ask your Salesforce admin to check the add-in’s External Client App: consumer key, callback URL and scopes (api, refresh_token).',
    },
    inactive_org: {
      title: 'Your Salesforce org is unavailable',
      explanation: 'Salesforce reports your Salesforce org as locked, closed or suspended.',
      action: 'Ask your Salesforce admin to contact Salesforce about your Salesforce org’s status.',
    },
    storage_full: {
      title: 'Salesforce storage is full',
      explanation: 'Your Salesforce org has no data storage left, so nothing new can be saved.',
      action: 'Ask your Salesforce admin to free up or add data storage.',
    },
    api_session_not_allowed: {
      title: 'This sign-in can’t use the Salesforce API',
      explanation: 'Salesforce refuses API calls for this session (for example a required high-assurance session, an IP policy or a missing api scope).',
      action: 'Ask your Salesforce admin to check the add-in app’s scopes and IP policy and your profile’s session security level.',
    },
    access_denied: {
      title: 'Access not allowed',
      explanation: 'The sign-in was cancelled or access to Salesforce was denied.',
      action: 'Sign in again and choose Allow to connect the add-in.',
    },
    password_expired: {
      title: 'Your Salesforce password has expired',
      explanation: 'Salesforce needs you to set a new password.',
      action: 'Sign in again; Salesforce will ask you for a new password.',
    },
    my_domain_required: {
      title: 'Sign in through your Salesforce org’s My Domain',
      explanation: 'The add-in is set to sign in at Salesforce’s general login page (login.salesforce.com or test.salesforce.com), where an add-in can’t finish signing in.',
      action:
        'Ask your Salesforce admin to set the add-in’s Salesforce login address to your Salesforce org’s My Domain (Salesforce Setup → My Domain shows it, for example https://yourcompany.my.salesforce.com).',
    },
    salesforce_host_refused: {
      title: 'The add-in doesn’t trust this Salesforce address',
      explanation: 'The add-in was given a Salesforce address that is not a Salesforce domain, nor a custom domain its settings list, so it sent nothing there.',
      action:
        'Ask your Salesforce admin to set the add-in’s Salesforce login address to your Salesforce org’s My Domain (for example https://yourcompany.my.salesforce.com), or to list your custom domain in the add-in’s settings (salesforce.customDomains).',
    },
    oauth_cors_blocked: {
      title: 'Salesforce isn’t set up for the add-in yet',
      explanation: 'Salesforce didn’t let the add-in finish signing in from Outlook.',
      action:
        'Ask your Salesforce admin to sign in through your Salesforce org’s My Domain and, in Setup → CORS, to turn on “Enable CORS for OAuth endpoints” and add the add-in’s address to the CORS allowlist.',
    },
    // Two refreshes overlapped; retried by itself, so the seller reads what any transient failure says.
    refresh_in_progress: null,
    // A gateway or maintenance page stood in for Salesforce: briefly unavailable, as the kind says.
    not_salesforce_json: null,
  },
};

const fr: Catalogue = {
  kinds: {
    bad_oauth_token: {
      title: 'Connexion perdue',
      explanation: 'Salesforce n’accepte plus cette connexion. Elle a peut-être expiré ou été révoquée.',
      action: 'Reconnectez-vous. Rien de ce que vous avez fait n’est perdu.',
    },
    session_expired: {
      title: 'Connexion perdue',
      explanation: 'Votre session Salesforce a expiré ou n’est plus valide.',
      action: 'Reconnectez-vous. Rien de ce que vous avez fait n’est perdu.',
    },
    reauth_required: {
      title: 'La connexion n’a pas abouti',
      explanation: 'Salesforce n’a pas terminé la connexion.',
      action: 'Essayez de vous reconnecter.',
    },
    admin_action_required: {
      title: 'Votre administrateur Salesforce doit intervenir',
      explanation: 'Salesforce a refusé la connexion pour une raison que seul un administrateur peut corriger.',
      action: 'Demandez à votre administrateur Salesforce de vérifier votre utilisateur et les paramètres de l’application du complément Outlook, en lui envoyant les détails ci-dessous.',
    },
    rate_limited: {
      title: 'Salesforce est saturé',
      explanation: 'Votre organisation Salesforce a atteint sa limite d’utilisation pour le moment.',
      action: 'Réessayez plus tard. Rien de ce que vous avez fait n’est perdu.',
    },
    permission_denied: {
      title: 'Accès refusé',
      explanation: 'Votre utilisateur Salesforce n’a pas accès à cet enregistrement, cet objet ou ce champ.',
      action: 'Demandez à votre administrateur Salesforce de vous donner l’accès indiqué dans les détails ci-dessous.',
    },
    not_found: {
      title: 'Enregistrement introuvable',
      explanation: 'L’enregistrement Salesforce n’existe plus ou n’est pas partagé avec vous.',
      action: 'Actualisez pour voir les enregistrements actuels.',
    },
    validation: {
      title: 'Salesforce n’a pas accepté les données',
      explanation: 'Des valeurs manquent ou ne respectent pas les règles de votre organisation Salesforce.',
      action: 'Vérifiez les champs signalés et réessayez.',
    },
    transient: {
      title: 'Salesforce est momentanément indisponible',
      explanation: 'Salesforce n’a pas terminé la demande cette fois-ci.',
      action: 'Nous réessaierons automatiquement. Rien de ce que vous avez fait n’est perdu.',
    },
    offline: {
      title: 'Vous êtes hors ligne',
      explanation: 'Aucune connexion réseau.',
      action: 'Nous reprendrons dès que vous serez de nouveau en ligne.',
    },
    timeout: {
      title: 'Salesforce met trop de temps à répondre',
      explanation: 'Salesforce n’a pas répondu à temps.',
      action: 'Nous allons réessayer. Rien de ce que vous avez fait n’est perdu.',
    },
    unknown: {
      title: 'Une erreur s’est produite',
      explanation: 'La demande à Salesforce a échoué de façon inattendue.',
      action: 'Réessayez. Si le problème persiste, copiez les détails ci-dessous pour votre administrateur ou le support.',
    },
  },
  reasons: {
    inactive_user: {
      title: 'Votre utilisateur Salesforce est inactif',
      explanation: 'Salesforce indique que votre utilisateur a été désactivé.',
      action: 'Demandez à votre administrateur Salesforce de réactiver votre utilisateur.',
    },
    ip_restricted: {
      title: 'Connexion non autorisée d’ici ou à cette heure',
      explanation: 'Votre profil Salesforce limite les adresses réseau ou les heures de connexion.',
      action: 'Demandez à votre administrateur Salesforce d’autoriser votre adresse réseau ou vos heures de connexion, ou réessayez depuis un réseau autorisé.',
    },
    app_blocked: {
      title: 'Le complément n’est pas autorisé dans votre organisation Salesforce',
      explanation: 'Votre organisation Salesforce bloque cette application ou ne vous a pas autorisé à l’utiliser.',
      action: 'Demandez à votre administrateur Salesforce de débloquer l’application du complément Outlook et de l’autoriser pour votre utilisateur.',
    },
    api_disabled: {
      title: 'L’accès à l’API Salesforce est désactivé',
      explanation: 'Votre organisation Salesforce ou votre utilisateur n’a pas le droit d’utiliser l’API Salesforce, dont le complément a besoin.',
      action: 'Demandez à votre administrateur Salesforce d’activer « API activée » pour votre utilisateur (ou l’API pour votre organisation Salesforce).',
    },
    invalid_client: {
      title: 'Le complément n’est pas configuré dans Salesforce',
      explanation: 'Salesforce ne reconnaît pas l’application du complément, son URL de rappel ou ses étendues.',
      action: 'Demandez à votre administrateur Salesforce de vérifier l’External Client App du complément : clé client, URL de rappel et étendues (api, refresh_token).',
    },
    inactive_org: {
      title: 'Votre organisation Salesforce est indisponible',
      explanation: 'Salesforce indique que votre organisation Salesforce est verrouillée, fermée ou suspendue.',
      action: 'Demandez à votre administrateur Salesforce de contacter Salesforce au sujet de l’état de votre organisation Salesforce.',
    },
    storage_full: {
      title: 'Le stockage Salesforce est plein',
      explanation: 'Votre organisation Salesforce n’a plus d’espace de stockage de données ; rien de nouveau ne peut être enregistré.',
      action: 'Demandez à votre administrateur Salesforce de libérer ou d’ajouter de l’espace de stockage.',
    },
    api_session_not_allowed: {
      title: 'Cette connexion ne peut pas utiliser l’API Salesforce',
      explanation: 'Salesforce refuse les appels API pour cette session (par exemple session à haute assurance exigée, règle d’adresses IP ou étendue api manquante).',
      action: 'Demandez à votre administrateur Salesforce de vérifier les étendues et la règle IP de l’application du complément, et le niveau de sécurité de session de votre profil.',
    },
    access_denied: {
      title: 'Accès non autorisé',
      explanation: 'La connexion a été annulée ou l’accès à Salesforce a été refusé.',
      action: 'Reconnectez-vous et choisissez Autoriser pour connecter le complément.',
    },
    password_expired: {
      title: 'Votre mot de passe Salesforce a expiré',
      explanation: 'Salesforce vous demande de définir un nouveau mot de passe.',
      action: 'Reconnectez-vous ; Salesforce vous demandera un nouveau mot de passe.',
    },
    my_domain_required: {
      title: 'Connectez-vous par le Mon domaine (My Domain) de votre organisation Salesforce',
      explanation:
        'Le complément est configuré pour se connecter sur la page de connexion générale de Salesforce (login.salesforce.com ou test.salesforce.com), où un complément ne peut pas terminer la connexion.',
      action:
        'Demandez à votre administrateur Salesforce de régler l’adresse de connexion Salesforce du complément sur le Mon domaine (My Domain) de votre organisation Salesforce (Configuration Salesforce → Mon domaine l’indique, par exemple https://votresociete.my.salesforce.com).',
    },
    salesforce_host_refused: {
      title: 'Le complément ne fait pas confiance à cette adresse Salesforce',
      explanation: 'Le complément a reçu une adresse Salesforce qui n’est ni un domaine Salesforce ni un domaine personnalisé listé dans ses paramètres ; il ne lui a rien envoyé.',
      action:
        'Demandez à votre administrateur Salesforce de régler l’adresse de connexion Salesforce du complément sur le Mon domaine (My Domain) de votre organisation Salesforce (par exemple https://votresociete.my.salesforce.com), ou d’ajouter votre domaine personnalisé aux paramètres du complément (salesforce.customDomains).',
    },
    oauth_cors_blocked: {
      title: 'Salesforce n’est pas encore configuré pour le complément',
      explanation: 'Salesforce n’a pas laissé le complément terminer la connexion depuis Outlook.',
      action:
        'Demandez à votre administrateur Salesforce de passer par le Mon domaine (My Domain) de votre organisation Salesforce et, dans Configuration → CORS, d’activer « Enable CORS for OAuth endpoints » et d’ajouter l’adresse du complément à la liste d’autorisation CORS.',
    },
    // Two refreshes overlapped; retried by itself, so the seller reads what any transient failure says.
    refresh_in_progress: null,
    // A gateway or maintenance page stood in for Salesforce: briefly unavailable, as the kind says.
    not_salesforce_json: null,
  },
};

const CATALOGUES: Record<FailureLocale, Catalogue> = { en, fr };

/** Every language the failure messages are written in. */
export const FAILURE_LOCALES = Object.keys(CATALOGUES) as FailureLocale[];

/** Office gives locales like "fr-FR" or "en-US"; anything without a catalogue falls back to English. */
export function failureLocale(locale: string | undefined): FailureLocale {
  const language = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return language === 'fr' ? 'fr' : 'en';
}

/**
 * `reason` is read as any string: a failure may come from storage or another pane's build, and a reason this build
 * does not know falls back to the kind's message, as a kind it does not know falls back to `unknown`'s.
 */
export function failureMessage(failure: { kind: FailureKind; reason?: string | undefined }, locale?: string): FailureMessage {
  const catalogue = CATALOGUES[failureLocale(locale)];
  const byReason = isFailureReason(failure.reason) ? catalogue.reasons[failure.reason] : null;
  return byReason ?? catalogue.kinds[failure.kind] ?? catalogue.kinds.unknown;
}

/** Every reason that has a message of its own (not the kind's). */
export const FAILURE_REASONS_WITH_MESSAGES: readonly FailureReason[] = FAILURE_REASONS.filter((reason) => en.reasons[reason] !== null);
