/**
 * One way to render the seller's workspace in a component test, wired as the app shell wires it (src/app/shell.tsx):
 * inside FluentProvider and the live-region announcer, with the real Office host over the fake office.js
 * (fake-office.ts), the fake SalesforceApi (fake-salesforce-api.ts) answering from a small org in memory
 * (fake-crm.ts), and the real outbox over an in-memory IndexedDB (fake-indexeddb), resumed for the signed-in seller
 * as the app does after sign-in. Returns Testing Library's queries and handles on every fake.
 *
 * Outboxes made here are closed after each test. Importing this sets Testing Library's async timeout to 5 s
 * and the test timeout to 30 s.
 */
import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { WorkspaceView } from '../app/workspace/workspace-view';
import { createOfficeHost } from '../host/create-office-host';
import type { OfficeHost } from '../host/office-host';
import { createOutbox } from '../salesforce/outbox/create-outbox';
import type { Outbox, OutboxOwner } from '../salesforce/outbox/outbox';
import type { OnlineState } from '../shared/online-state';
import { outboxOwnerOf } from '../salesforce/outbox/outbox';
import type { SalesforceIdentity } from '../salesforce/salesforce-api';
import { createFakeCrm, type FakeCrm, type FakeCrmSeed } from './fake-crm';
import { memoryStorage } from './memory-storage';
import { asyncValue, createFakeOffice, readItem, type FakeOffice } from './fake-office';
import { SAM, createFakeSalesforceApi, type FakeApiHandlers, type FakeSalesforceApi } from './fake-salesforce-api';

export interface RenderWorkspaceOptions {
  /** The Outlook item shown: `readItem()` / `composeItem()` from fake-office.ts, or null for none. Default: readItem(). */
  item?: unknown;
  /** What the org holds. Default: nothing (every address is "Not in Salesforce"). */
  crm?: FakeCrmSeed;
  /** Handlers that replace the org's own (e.g. a `create` that refuses). */
  apiHandlers?: FakeApiHandlers;
  /** Who is signed in. Default: SAM (seller@demo.example). */
  identity?: SalesforceIdentity;
  /** false: the browser keeps nothing (no IndexedDB): no outbox, a read-only workspace. Default: true. */
  outbox?: boolean;
  /** Default: 'en-US'. */
  locale?: string;
  /** Office.context.partitionKey. Default: none. */
  partitionKey?: string;
  microsoftAccountId?: string;
  /** The browser's online state as the outbox sees it. Default: always online. */
  onlineState?: OnlineState;
  /** The pane's localStorage for remembered choices among several matches. Default: one in memory, kept across remount(). */
  choiceStorage?: Storage;
}

export interface RenderedWorkspace extends RenderResult {
  /** userEvent, set up for this render: keyboard and pointer as the seller uses them. */
  user: UserEvent;
  api: FakeSalesforceApi;
  crm: FakeCrm;
  office: FakeOffice;
  /** The real Office host over `office`. */
  host: OfficeHost;
  /** The real outbox (in-memory IndexedDB); undefined when rendered with `outbox: false`. */
  outbox: Outbox | undefined;
  /** The signed-in seller's outbox owner, as the workspace computes it. */
  owner: OutboxOwner;
  /** The workspace mounts afresh over the same fakes, outbox and people directory (as the shell remounts it). */
  remount(): void;
  /** A pinned pane moves to another item (null: none selected): Outlook's ItemChanged. */
  selectItem(item: unknown): void;
  /** Compose mode: the recipients become `to` (Outlook's RecipientsChanged; the workspace waits for a pause). */
  typeRecipients(to: { displayName: string; emailAddress: string }[]): void;
}

const openOutboxes: Outbox[] = [];
afterEach(() => {
  for (const outbox of openOutboxes.splice(0)) outbox.close();
});

const alwaysOnline: OnlineState = { isOnline: () => true, subscribe: () => () => undefined };

/** Any element inside FluentProvider (and the announcer), as the app renders it: for single feature components. */
export function renderInFluent(ui: ReactElement): RenderResult & { user: UserEvent } {
  const user = userEvent.setup();
  const result = render(ui, {
    wrapper: ({ children }) => (
      <FluentProvider theme={webLightTheme}>
        <AriaLiveAnnouncer>{children}</AriaLiveAnnouncer>
      </FluentProvider>
    ),
  });
  return { ...result, user };
}

export function renderWorkspace(options: RenderWorkspaceOptions = {}): RenderedWorkspace {
  const choiceStorage = options.choiceStorage ?? memoryStorage();
  const identity = options.identity ?? SAM;
  const locale = options.locale ?? 'en-US';
  const crm = createFakeCrm(options.crm);
  const api = createFakeSalesforceApi({ ...crm.handlers, ...options.apiHandlers }, identity);
  const office = createFakeOffice({
    item: options.item === undefined ? readItem() : options.item,
    ...(options.partitionKey ? { partitionKey: options.partitionKey } : {}),
    displayLanguage: locale,
  });
  const host = createOfficeHost(office.office);
  const owner = outboxOwnerOf(identity, {
    ...(options.partitionKey ? { partitionKey: options.partitionKey } : {}),
    ...(options.microsoftAccountId ? { microsoftAccountId: options.microsoftAccountId } : {}),
  });
  let outbox: Outbox | undefined;
  if (options.outbox !== false) {
    outbox = createOutbox({
      api,
      indexedDB: new IDBFactory(),
      onlineState: options.onlineState ?? alwaysOnline,
      ...(options.partitionKey ? { partitionKey: options.partitionKey } : {}),
    });
    openOutboxes.push(outbox);
    outbox.resume(owner);
  }

  let generation = 0;
  const workspace = () => (
    <WorkspaceView
      key={generation}
      api={api}
      host={host}
      {...(outbox ? { outbox } : {})}
      identity={identity}
      locale={locale}
      {...(options.microsoftAccountId ? { microsoftAccountId: options.microsoftAccountId } : {})}
      choiceStorage={choiceStorage}
    />
  );
  const result = renderInFluent(workspace());

  return {
    ...result,
    api,
    crm,
    office,
    host,
    outbox,
    owner,
    remount() {
      generation++;
      result.rerender(workspace());
    },
    selectItem(item) {
      act(() => {
        office.setItem(item);
        office.fireMailbox('olkItemSelectedChanged');
      });
    },
    typeRecipients(to) {
      const item = office.office.context.mailbox.item as unknown as Record<string, unknown>;
      item.to = asyncValue(to);
      act(() => office.itemHandlers.get('olkRecipientsChanged')?.());
    },
  };
}
