/**
 * The add-in, described once. Both manifests are written from this and an environment (./environment.ts): the XML
 * add-in-only manifest (Outlook on the Mac and older clients; ./xml-manifest.ts) and the unified JSON manifest (new
 * Outlook on Windows, Outlook on the web, the Microsoft 365 admin center; ./unified-manifest.ts). Change the add-in
 * here, then `npx tsx tests/tools/manifest/generate.ts --env dev` (manifest.xml is the dev environment's output; a test fails when it is stale).
 */

/** Text with its translations (locale → text). The default locale's text is `default`. */
export interface Localized {
  default: string;
  'fr-FR': string;
}

export const ADDIN = {
  /** The add-in's identity in Office: never changes across versions or environments. */
  id: '6f1c2d7e-5b0a-4c8e-9a3d-2e7b1f4c9a51',
  providerName: 'Sellers Salesforce',
  defaultLocale: 'en-US',
  displayName: { default: 'Salesforce for Sellers', 'fr-FR': 'Salesforce pour les vendeurs' } satisfies Localized,
  description: {
    default: 'See the Salesforce contacts, leads, accounts and opportunities behind an email, save the email to Salesforce and log follow-ups.',
    'fr-FR': 'Affichez les contacts, pistes, comptes et opportunités Salesforce liés à un e-mail, enregistrez l’e-mail dans Salesforce et planifiez les suivis.',
  } satisfies Localized,
  /** The unified manifest's short description (at most 80 characters). */
  shortDescription: 'The Salesforce people behind an email, and saving it to Salesforce.',
  /** The unified manifest's accent colour: the icon's blue. */
  accentColor: '#0B5CAB',
  /** Paths on the add-in's origin (public/ and the built pages). */
  page: '/index.html',
  supportPage: '/index.html',
  icons: { 16: '/icons/icon-16.png', 32: '/icons/icon-32.png', 64: '/icons/icon-64.png', 80: '/icons/icon-80.png', 128: '/icons/icon-128.png' },
  /** Before Mailbox 1.3 there are no add-in commands: such clients read the XML's FormSettings. */
  mailboxMinVersion: '1.1',
  commandsMinVersion: '1.3',
  /** Pinning, and with it the ItemChanged event that keeps a pinned pane in step with the selected email. */
  pinningMinVersion: '1.5',
  /** The least that works: read the open item (tests/tools/validate-manifest.ts LEAST_PERMISSION). */
  permission: 'ReadItem',
  /** The same in the unified manifest's terms. */
  unifiedPermission: 'MailboxItem.Read.User',
  readPaneHeight: 450,
  groupLabel: { default: 'Salesforce', 'fr-FR': 'Salesforce' } satisfies Localized,
  buttonLabel: { default: 'Show Salesforce', 'fr-FR': 'Afficher Salesforce' } satisfies Localized,
  buttonTooltip: { default: 'See the Salesforce people behind this email and act on them.', 'fr-FR': 'Voir les personnes Salesforce derrière cet e-mail et agir.' } satisfies Localized,
  /** Read and compose: the same button and pane on both surfaces. */
  surfaces: [
    { xmlExtensionPoint: 'MessageReadCommandSurface', context: 'mailRead', groupId: 'sellersReadGroup', controlId: 'sellersReadOpenPane' },
    { xmlExtensionPoint: 'MessageComposeCommandSurface', context: 'mailCompose', groupId: 'sellersComposeGroup', controlId: 'sellersComposeOpenPane' },
    // Meetings: the organizer's form (compose) and the attendee's (read), the same pane (src/host/read-meeting-context.ts).
    { xmlExtensionPoint: 'AppointmentOrganizerCommandSurface', context: 'meetingDetailsOrganizer', groupId: 'sellersOrganizerGroup', controlId: 'sellersOrganizerOpenPane' },
    { xmlExtensionPoint: 'AppointmentAttendeeCommandSurface', context: 'meetingDetailsAttendee', groupId: 'sellersAttendeeGroup', controlId: 'sellersAttendeeOpenPane' },
  ],
  /**
   * Where the sign-in dialog may go in every environment: Salesforce's production and sandbox login. An environment
   * adds its config's login hosts (its My Domain): Office accepts no wildcard in AppDomains.
   */
  salesforceLoginOrigins: ['https://login.salesforce.com', 'https://test.salesforce.com'],
} as const;
