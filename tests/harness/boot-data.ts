/**
 * What the server hands the harness page at load (HarnessBoot in harness-api.ts, as a JSON data block in
 * harness.html that harness-page/boot.ts reads): the sample emails and the Outlook this page plays, from the page's
 * query (`?email=`, `?theme=`, `?platform=`…).
 */
import { DEMO_USERS } from '../emulator/seed';
import { BOOT_ELEMENT_ID, type HarnessBoot } from './harness-api';
import type { PlatformVariant, RequirementSets } from './host-protocol';
import { NO_ITEM_ID, SAMPLE_EMAILS, SELLER } from './sample-emails';
import { SAMPLE_MEETINGS } from './sample-meetings';

const ITEMS = [...SAMPLE_EMAILS, ...SAMPLE_MEETINGS];

/** Outlook on the web's variants the harness can play (`?platform=`, `?webview=`). */
function variantOf(url: URL): PlatformVariant {
  const platform = url.searchParams.get('platform');
  return {
    platform: platform === 'windows' ? 'PC' : platform === 'mac' ? 'Mac' : 'OfficeOnline',
    // Some Windows webviews leave Office.context.partitionKey undefined.
    noPartitionKey: platform === 'windows',
    // Older webviews have neither BroadcastChannel nor Web Locks.
    noBroadcastChannel: url.searchParams.get('webview') === 'old',
    noWebLocks: url.searchParams.get('webview') === 'old',
  };
}

export function bootData(url: URL, addinOrigin: string): HarnessBoot {
  const requirementSets: RequirementSets = { Mailbox: '1.14', DialogApi: '1.2', DialogOrigin: '1.1', IdentityAPI: false, NestedAppAuth: false };
  if (url.searchParams.get('naa') === '1') requirementSets.NestedAppAuth = '1.1';
  const email = url.searchParams.get('email');
  const pane = url.searchParams.get('pane') ?? '';
  return {
    emails: ITEMS,
    noItemId: NO_ITEM_ID,
    initialEmail: email && (email === NO_ITEM_ID || ITEMS.some((e) => e.id === email)) ? email : (SAMPLE_EMAILS[0]?.id ?? NO_ITEM_ID),
    initialTheme: url.searchParams.get('theme') ?? 'light',
    partitionKey: url.searchParams.get('partitionKey') ?? 'harness-partition-0001',
    displayLanguage: url.searchParams.get('lang') ?? 'en-US',
    requirementSets,
    userProfile: { displayName: SELLER.name, emailAddress: SELLER.address, timeZone: 'Pacific Standard Time', accountType: 'enterprise' },
    users: Object.values(DEMO_USERS).map((u) => ({ username: u.username, label: `${u.firstName} ${u.lastName} (${u.username})` })),
    // Paths on the add-in's origin only: the pane is the add-in's own page (tests may load a diagnostic page instead).
    paneUrl: /^\/(?!\/)/.test(pane) ? pane : '/index.html',
    addinOrigin,
    variant: variantOf(url),
  };
}

/** The boot data as a JSON data block (not a script the browser runs): `<` escaped so no text can close the element. */
export function bootElement(boot: HarnessBoot): string {
  const json = JSON.stringify(boot)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${BOOT_ELEMENT_ID}">${json}</script>`;
}
