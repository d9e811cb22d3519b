/**
 * The unified JSON manifest (Microsoft 365 app manifest) for an environment, from the one description (./addin.ts):
 * new Outlook on Windows, Outlook on the web and the Microsoft 365 admin center take it; the Mac takes only the XML.
 * An Outlook add-in lives in `extensions`: `requirements` (mail, Mailbox 1.3: add-in commands), one `runtime` (the
 * task pane page, pinnable: ItemChanged needs Mailbox 1.5, as in the XML's VersionOverrides 1.1), and `ribbons` with
 * the same button on the read and compose surfaces. No `webApplicationInfo`: nested app authentication needs only
 * the Entra app's brk-multihub redirect URI (README), not single sign-on's resource.
 *
 * The app package beside it holds the two icons the manifest names by relative path (./app-package-icons.ts).
 */
import { ADDIN } from './addin';
import { loginOrigins, onAddin, type ManifestEnvironment } from './environment';

/** The unified manifest schema version written; its JSON schema ships offline in @microsoft/app-manifest. */
export const UNIFIED_MANIFEST_VERSION = '1.24';
export const UNIFIED_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
/** The app package's icons: relative paths, files beside manifest.json. */
export const PACKAGE_ICONS = { color: 'color.png', outline: 'outline.png' } as const;

const PANE_ACTION = 'openSalesforcePane';
const RUNTIME_ID = 'TaskPaneRuntime';

/** validDomains take host names (with port), not origins. */
const hostOf = (origin: string) => new URL(origin).host;

interface Icon {
  size: number;
  url: string;
}
interface RibbonControl {
  id: string;
  type: 'button';
  label: string;
  icons: Icon[];
  supertip: { title: string; description: string };
  actionId: string;
}
/** The part of the unified manifest's schema this add-in writes (the schema itself checks the rest). */
export interface UnifiedManifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  icons: { color: string; outline: string };
  accentColor: string;
  validDomains: string[];
  authorization: { permissions: { resourceSpecific: { name: string; type: 'Delegated' | 'Application' }[] } };
  extensions: {
    requirements: { scopes: string[]; capabilities: { name: string; minVersion: string }[] };
    runtimes: {
      requirements: { capabilities: { name: string; minVersion: string }[] };
      id: string;
      type: 'general';
      code: { page: string };
      lifetime: 'short' | 'long';
      actions: { id: string; type: 'openPage'; pinnable: boolean }[];
    }[];
    ribbons: { contexts: string[]; tabs: { builtInTabId: string; groups: { id: string; label: string; icons: Icon[]; controls: RibbonControl[] }[] }[] }[];
  }[];
}

export function unifiedManifest(environment: ManifestEnvironment): UnifiedManifest {
  const buttonIcons = ([16, 32, 80] as const).map((size) => ({ size, url: onAddin(environment, ADDIN.icons[size]) }));
  return {
    $schema: UNIFIED_SCHEMA_URL,
    manifestVersion: UNIFIED_MANIFEST_VERSION,
    id: ADDIN.id,
    version: environment.version,
    name: { short: ADDIN.displayName.default, full: ADDIN.displayName.default },
    description: { short: ADDIN.shortDescription, full: ADDIN.description.default },
    developer: {
      name: ADDIN.providerName,
      websiteUrl: onAddin(environment, ADDIN.supportPage),
      privacyUrl: onAddin(environment, ADDIN.supportPage),
      termsOfUseUrl: onAddin(environment, ADDIN.supportPage),
    },
    icons: { color: PACKAGE_ICONS.color, outline: PACKAGE_ICONS.outline },
    accentColor: ADDIN.accentColor,
    validDomains: [...new Set([environment.origin, ...loginOrigins(environment)].map(hostOf))],
    authorization: { permissions: { resourceSpecific: [{ name: ADDIN.unifiedPermission, type: 'Delegated' }] } },
    extensions: [
      {
        requirements: { scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: ADDIN.commandsMinVersion }] },
        runtimes: [
          {
            requirements: { capabilities: [{ name: 'Mailbox', minVersion: ADDIN.commandsMinVersion }] },
            id: RUNTIME_ID,
            type: 'general',
            code: { page: onAddin(environment, ADDIN.page) },
            lifetime: 'short',
            actions: [{ id: PANE_ACTION, type: 'openPage', pinnable: true }],
          },
        ],
        ribbons: ADDIN.surfaces.map((surface) => ({
          contexts: [surface.context],
          tabs: [
            {
              builtInTabId: 'TabDefault',
              groups: [
                {
                  id: surface.groupId,
                  label: ADDIN.groupLabel.default,
                  icons: buttonIcons,
                  controls: [
                    {
                      id: surface.controlId,
                      type: 'button',
                      label: ADDIN.buttonLabel.default,
                      icons: buttonIcons,
                      supertip: { title: ADDIN.buttonLabel.default, description: ADDIN.buttonTooltip.default },
                      actionId: PANE_ACTION,
                    },
                  ],
                },
              ],
            },
          ],
        })),
      },
    ],
  };
}
