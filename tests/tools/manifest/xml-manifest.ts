/**
 * The XML add-in-only manifest for an environment, from the one description (./addin.ts). Its layout, comments
 * included, is the hand-written manifest.xml's as it was, so the dev output is byte for byte the committed file.
 * Element order follows Microsoft's schemas (OfficeAppManifestV1_1.xsd MailApp, MailAppVersionOverridesV1_0/V1_1.xsd);
 * tests/tools/validate-manifest.ts checks it offline.
 */
import { ADDIN, type Localized } from './addin';
import { loginOrigins, onAddin, xmlVersion, type ManifestEnvironment } from './environment';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Indents every line of a block by `spaces`. */
const indent = (block: string, spaces: number) =>
  block
    .split('\n')
    .map((line) => (line ? ' '.repeat(spaces) + line : line))
    .join('\n');

function localized(element: string, text: Localized, overrideElement = 'Override'): string {
  return `<${element} DefaultValue="${escapeXml(text.default)}">\n  <${overrideElement} Locale="fr-FR" Value="${escapeXml(text['fr-FR'])}" />\n</${element}>`;
}

function commandSurfaces(pinning: boolean): string {
  return ADDIN.surfaces
    .map(
      (surface) => `<ExtensionPoint xsi:type="${surface.xmlExtensionPoint}">
  <OfficeTab id="TabDefault">
    <Group id="${surface.groupId}">
      <Label resid="Group.Label" />
      <Control xsi:type="Button" id="${surface.controlId}">
        <Label resid="TaskpaneButton.Label" />
        <Supertip>
          <Title resid="TaskpaneButton.Label" />
          <Description resid="TaskpaneButton.Tooltip" />
        </Supertip>
        <Icon>
          <bt:Image size="16" resid="Icon.16x16" />
          <bt:Image size="32" resid="Icon.32x32" />
          <bt:Image size="80" resid="Icon.80x80" />
        </Icon>
        <Action xsi:type="ShowTaskpane">
          <SourceLocation resid="Taskpane.Url" />${pinning ? '\n          <SupportsPinning>true</SupportsPinning>' : ''}
        </Action>
      </Control>
    </Group>
  </OfficeTab>
</ExtensionPoint>`,
    )
    .join('\n');
}

function resources(environment: ManifestEnvironment): string {
  return `<Resources>
  <bt:Images>
    <bt:Image id="Icon.16x16" DefaultValue="${onAddin(environment, ADDIN.icons[16])}" />
    <bt:Image id="Icon.32x32" DefaultValue="${onAddin(environment, ADDIN.icons[32])}" />
    <bt:Image id="Icon.80x80" DefaultValue="${onAddin(environment, ADDIN.icons[80])}" />
  </bt:Images>
  <bt:Urls>
    <bt:Url id="Taskpane.Url" DefaultValue="${onAddin(environment, ADDIN.page)}" />
  </bt:Urls>
  <bt:ShortStrings>
${indent(localized('bt:String id="Group.Label"', ADDIN.groupLabel, 'bt:Override').replace('</bt:String id="Group.Label">', '</bt:String>'), 4)}
${indent(localized('bt:String id="TaskpaneButton.Label"', ADDIN.buttonLabel, 'bt:Override').replace('</bt:String id="TaskpaneButton.Label">', '</bt:String>'), 4)}
  </bt:ShortStrings>
  <bt:LongStrings>
${indent(localized('bt:String id="TaskpaneButton.Tooltip"', ADDIN.buttonTooltip, 'bt:Override').replace('</bt:String id="TaskpaneButton.Tooltip">', '</bt:String>'), 4)}
  </bt:LongStrings>
</Resources>`;
}

function versionOverrides(environment: ManifestEnvironment, version: '1.0' | '1.1'): string {
  const pinning = version === '1.1';
  return `<Requirements>
  <bt:Sets DefaultMinVersion="${pinning ? ADDIN.pinningMinVersion : ADDIN.commandsMinVersion}">
    <bt:Set Name="Mailbox" />
  </bt:Sets>
</Requirements>
<Hosts>
  <Host xsi:type="MailHost">
    <DesktopFormFactor>
${indent(commandSurfaces(pinning), 6)}
${pinning ? `      <!-- Shared folders (delegates, Mailbox 1.8) and shared mailboxes (1.13); VersionOverrides 1.1 only, after the\n           extension points (MailAppVersionOverridesV1_1.xsd). -->\n      <SupportsSharedFolders>true</SupportsSharedFolders>\n` : ''}    </DesktopFormFactor>
  </Host>
</Hosts>
${resources(environment)}`;
}

/** manifest.xml for `environment`. */
export function xmlManifest(environment: ManifestEnvironment): string {
  const appDomains = [environment.origin, ...loginOrigins(environment)];
  const [own, ...signIn] = appDomains;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!--
  GENERATED from tests/tools/manifest/addin.ts for the ${environment.name} environment: edit that, then run
  \`npx tsx tests/tools/manifest/generate.ts --env ${environment.name}\`${environment.name === 'dev' ? ' (a test fails when this file is stale)' : ''}.
  Add-in-only (XML) manifest: Outlook on the Mac does not support the unified JSON manifest.
  Element order follows Microsoft's schemas (OfficeAppManifestV1_1.xsd MailApp, MailAppVersionOverridesV1_0/V1_1.xsd);
  \`npm run validate\` checks it offline, including that its URLs agree with ${environment.name === 'dev' ? 'public/config.json' : "the environment's config.json"}.
  Its URLs are the environment's origin (${environment.origin}); AppDomains list the Salesforce login hosts of
  the environment's config.json (its My Domain, https://<name>.my.salesforce.com): Office accepts no wildcard there.
-->
<OfficeApp
  xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
  xsi:type="MailApp">
  <Id>${ADDIN.id}</Id>
  <Version>${xmlVersion(environment.version)}</Version>
  <ProviderName>${escapeXml(ADDIN.providerName)}</ProviderName>
  <DefaultLocale>${ADDIN.defaultLocale}</DefaultLocale>
${indent(localized('DisplayName', ADDIN.displayName), 2)}
${indent(localized('Description', ADDIN.description), 2)}
  <IconUrl DefaultValue="${onAddin(environment, ADDIN.icons[64])}" />
  <HighResolutionIconUrl DefaultValue="${onAddin(environment, ADDIN.icons[128])}" />
  <SupportUrl DefaultValue="${onAddin(environment, ADDIN.supportPage)}" />
  <AppDomains>
    <!-- Outlook on the web and the new Outlook need the add-in's own origin listed for the Dialog API. -->
    <AppDomain>${own}</AppDomain>
    <!-- Where the sign-in dialog may go: production and sandbox login, and the config's login hosts. -->
${signIn.map((domain) => `    <AppDomain>${domain}</AppDomain>`).join('\n')}
  </AppDomains>
  <Hosts>
    <Host Name="Mailbox" />
  </Hosts>
  <Requirements>
    <Sets>
      <Set Name="Mailbox" MinVersion="${ADDIN.mailboxMinVersion}" />
    </Sets>
  </Requirements>
  <!-- Only clients without add-in commands (before Mailbox 1.3) read FormSettings; the schema requires it anyway. -->
  <FormSettings>
    <Form xsi:type="ItemRead">
      <DesktopSettings>
        <SourceLocation DefaultValue="${onAddin(environment, ADDIN.page)}" />
        <RequestedHeight>${ADDIN.readPaneHeight}</RequestedHeight>
      </DesktopSettings>
    </Form>
    <Form xsi:type="ItemEdit">
      <DesktopSettings>
        <SourceLocation DefaultValue="${onAddin(environment, ADDIN.page)}" />
      </DesktopSettings>
    </Form>
  </FormSettings>
  <!-- ReadItem, the least that works: the add-in reads the open item's sender, recipients, subject and body (getAsync
       in compose) and listens for item and recipient changes; it never writes to the item or reads the mailbox
       (tests/tools/validate-manifest.ts LEAST_PERMISSION). -->
  <Permissions>${ADDIN.permission}</Permissions>
  <Rule xsi:type="RuleCollection" Mode="Or">
    <Rule xsi:type="ItemIs" ItemType="Message" FormType="Read" />
    <Rule xsi:type="ItemIs" ItemType="Message" FormType="Edit" />
    <Rule xsi:type="ItemIs" ItemType="Appointment" FormType="Read" />
    <Rule xsi:type="ItemIs" ItemType="Appointment" FormType="Edit" />
  </Rule>
  <DisableEntityHighlighting>false</DisableEntityHighlighting>

  <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">
${indent(versionOverrides(environment, '1.0'), 4)}

    <!-- Clients that know VersionOverrides 1.1 use this part instead: it adds SupportsPinning, and with it the
         ItemChanged event (Mailbox 1.5) that keeps a pinned pane in step with the selected email. -->
    <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1" xsi:type="VersionOverridesV1_1">
${indent(versionOverrides(environment, '1.1'), 6)}
    </VersionOverrides>
  </VersionOverrides>
</OfficeApp>
`;
}
