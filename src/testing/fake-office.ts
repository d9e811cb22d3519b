/**
 * A minimal Office-shaped object for unit tests of src/host: the same property names, enum values and callback
 * shapes as office.js, nothing more. Browser tests use the full stand-in (tests/harness/office-stand-in/).
 */
type Handler = (args?: unknown) => void;

export interface FakeDialog {
  url: string;
  options: unknown;
  closed: boolean;
  handlers: Map<string, Handler>;
  /** Simulates Office delivering a DialogMessageReceived. */
  message(message: string, origin: string | undefined): void;
  /** Simulates Office delivering a DialogEventReceived. */
  event(error: number): void;
}

export interface FakeOffice {
  office: typeof Office;
  mailboxHandlers: Map<string, Handler>;
  itemHandlers: Map<string, Handler>;
  dialogs: FakeDialog[];
  setItem(item: unknown): void;
  /** The next displayDialogAsync answers failed with this code. */
  failNextDialog(code: number): void;
  fireMailbox(type: string, args?: unknown): void;
}

export function ok<T>(value: T) {
  return { status: 'succeeded', value, error: undefined, asyncContext: undefined, diagnostics: undefined };
}

export function failed(code: number, message = 'failed') {
  return { status: 'failed', value: undefined, error: { code, message, name: 'Error' }, asyncContext: undefined, diagnostics: undefined };
}

export function asyncValue<T>(value: T) {
  return { getAsync: (cb: (r: unknown) => void) => setTimeout(() => cb(ok(value)), 0) };
}

export function createFakeOffice(options: { item?: unknown; partitionKey?: string; officeTheme?: unknown; displayLanguage?: string; userEmail?: string } = {}): FakeOffice {
  const mailboxHandlers = new Map<string, Handler>();
  const itemHandlers = new Map<string, Handler>();
  const dialogs: FakeDialog[] = [];
  let nextDialogFailure: number | undefined;

  const decorate = (item: unknown) => {
    if (item && typeof item === 'object') {
      Object.assign(item, {
        addHandlerAsync: (type: string, handler: Handler) => itemHandlers.set(type, handler),
        removeHandlerAsync: (type: string) => itemHandlers.delete(type),
      });
    }
    return item;
  };

  const mailbox = {
    item: decorate(options.item ?? null),
    userProfile: { emailAddress: options.userEmail ?? 'seller@demo.example', displayName: 'Sam Seller' },
    addHandlerAsync: (type: string, handler: Handler) => mailboxHandlers.set(type, handler),
    removeHandlerAsync: (type: string) => mailboxHandlers.delete(type),
  };

  const office = {
    EventType: {
      ItemChanged: 'olkItemSelectedChanged',
      RecipientsChanged: 'olkRecipientsChanged',
      AppointmentTimeChanged: 'olkAppointmentTimeChanged',
      OfficeThemeChanged: 'officeThemeChanged',
      DialogMessageReceived: 'dialogMessageReceived',
      DialogEventReceived: 'dialogEventReceived',
    },
    CoercionType: { Text: 'text', Html: 'html' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      mailbox,
      partitionKey: options.partitionKey,
      officeTheme: options.officeTheme,
      displayLanguage: options.displayLanguage ?? 'en-US',
      ui: {
        displayDialogAsync(url: string, dialogOptions: unknown, callback: (r: unknown) => void) {
          if (nextDialogFailure !== undefined) {
            const code = nextDialogFailure;
            nextDialogFailure = undefined;
            setTimeout(() => callback(failed(code, `error ${code}`)), 0);
            return;
          }
          const handlers = new Map<string, Handler>();
          const dialog: FakeDialog = {
            url,
            options: dialogOptions,
            closed: false,
            handlers,
            message: (message, origin) => handlers.get('dialogMessageReceived')?.({ type: 'dialogMessageReceived', message, origin }),
            event: (error) => handlers.get('dialogEventReceived')?.({ type: 'dialogEventReceived', error }),
          };
          dialogs.push(dialog);
          const api = {
            addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler),
            close: () => {
              dialog.closed = true;
            },
          };
          setTimeout(() => callback(ok(api)), 0);
        },
      },
    },
  };

  return {
    office: office as unknown as typeof Office,
    mailboxHandlers,
    itemHandlers,
    dialogs,
    setItem(item) {
      itemHandlers.clear();
      mailbox.item = decorate(item);
    },
    failNextDialog(code) {
      nextDialogFailure = code;
    },
    fireMailbox(type, args) {
      mailboxHandlers.get(type)?.(args);
    },
  };
}

export function readItem(overrides: Record<string, unknown> = {}) {
  return {
    itemId: 'AAMkAD-item-1',
    internetMessageId: '<msg-1@acme.example>',
    dateTimeCreated: new Date('2025-03-04T10:00:00Z'),
    subject: 'Renewal for Q3',
    from: { displayName: 'Jane Doe', emailAddress: 'jane.doe@acme.example' },
    to: [{ displayName: 'Sam Seller', emailAddress: 'seller@demo.example' }],
    cc: [{ displayName: 'Bob Lee', emailAddress: 'bob.lee@acme.example' }],
    body: { getAsync: (_type: string, cb: (r: unknown) => void) => setTimeout(() => cb(ok('Hello Sam,\r\nLet us talk.')), 0) },
    ...overrides,
  };
}

export function composeItem(overrides: Record<string, unknown> = {}) {
  return {
    subject: asyncValue('Draft: intro'),
    from: asyncValue({ displayName: 'Sam Seller', emailAddress: 'seller@demo.example' }),
    to: asyncValue([{ displayName: 'Priya', emailAddress: 'priya@globex.example' }]),
    cc: asyncValue([]),
    body: { getAsync: (_type: string, cb: (r: unknown) => void) => setTimeout(() => cb(ok('draft body')), 0) },
    ...overrides,
  };
}

/** An appointment in the attendee's read form (AppointmentRead): plain properties, EWS-form ids. */
export function appointmentReadItem(overrides: Record<string, unknown> = {}) {
  return {
    itemType: 'appointment',
    itemId: 'AAMkAD+mtg/1=',
    seriesId: null,
    subject: 'Acme quarterly review',
    start: new Date('2026-12-01T15:00:00Z'),
    end: new Date('2026-12-01T15:45:00Z'),
    location: 'Room 4',
    organizer: { displayName: 'Jane Doe', emailAddress: 'jane.doe@acme.example' },
    requiredAttendees: [
      { displayName: 'Sam Seller', emailAddress: 'seller@demo.example' },
      { displayName: 'Bob Lee', emailAddress: 'bob.lee@acme.example' },
    ],
    optionalAttendees: [],
    body: { getAsync: (_type: string, cb: (r: unknown) => void) => setTimeout(() => cb(ok('Agenda: numbers')), 0) },
    ...overrides,
  };
}

/** An appointment in the organizer's form (AppointmentCompose): getAsync objects, getItemIdAsync once saved. */
export function appointmentComposeItem(options: { itemId?: string } = {}, overrides: Record<string, unknown> = {}) {
  return {
    itemType: 'appointment',
    seriesId: null,
    subject: asyncValue('Globex kick-off'),
    start: asyncValue(new Date('2026-12-02T09:00:00Z')),
    end: asyncValue(new Date('2026-12-02T10:00:00Z')),
    location: asyncValue('Teams'),
    organizer: asyncValue({ displayName: 'Sam Seller', emailAddress: 'seller@demo.example' }),
    requiredAttendees: asyncValue([{ displayName: 'Priya', emailAddress: 'priya@globex.example' }]),
    optionalAttendees: asyncValue([]),
    body: { getAsync: (_type: string, cb: (r: unknown) => void) => setTimeout(() => cb(ok('Kick-off agenda')), 0) },
    getItemIdAsync: (cb: (r: unknown) => void) => setTimeout(() => cb(options.itemId ? ok(options.itemId) : failed(9047, 'The item has not been saved.')), 0),
    ...overrides,
  };
}
