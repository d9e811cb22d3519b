/**
 * Office's enums with their real runtime values, and the AsyncResult every *Async method hands its callback.
 */

export const EventType = {
  ItemChanged: 'olkItemSelectedChanged',
  RecipientsChanged: 'olkRecipientsChanged',
  AppointmentTimeChanged: 'olkAppointmentTimeChanged',
  OfficeThemeChanged: 'officeThemeChanged',
  DialogMessageReceived: 'dialogMessageReceived',
  DialogEventReceived: 'dialogEventReceived',
  DialogParentMessageReceived: 'dialogParentMessageReceived',
} as const;
export type EventTypeValue = (typeof EventType)[keyof typeof EventType];

export const AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' } as const;
export const CoercionType = { Text: 'text', Html: 'html' } as const;
export const HostType = { Outlook: 'Outlook' } as const;
export const PlatformType = { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' } as const;
export const ItemType = { Message: 'message', Appointment: 'appointment' } as const;
export const RecipientType = { ExternalUser: 'externalUser', User: 'user', Other: 'other', DistributionList: 'distributionList' } as const;

export class OfficeError {
  constructor(
    readonly code: number,
    readonly name: string,
    readonly message: string,
  ) {}
}

export interface AsyncResult<T> {
  status: (typeof AsyncResultStatus)[keyof typeof AsyncResultStatus];
  value: T | undefined;
  error: OfficeError | undefined;
  asyncContext: unknown;
  diagnostics: undefined;
}

export type AsyncCallback<T> = (result: AsyncResult<T>) => void;

export interface AsyncOptions {
  asyncContext?: unknown;
}

export function succeededResult<T>(value: T, asyncContext: unknown): AsyncResult<T> {
  return { status: AsyncResultStatus.Succeeded, value, error: undefined, asyncContext, diagnostics: undefined };
}

export function failedResult<T = never>(code: number, name: string, message: string, asyncContext: unknown): AsyncResult<T> {
  return { status: AsyncResultStatus.Failed, value: undefined, error: new OfficeError(code, name, message), asyncContext, diagnostics: undefined };
}

/** Office's *Async methods take (…args, [options], [callback]). */
export function splitOptionsAndCallback<T, O extends AsyncOptions = AsyncOptions>(a: O | AsyncCallback<T> | undefined, b?: AsyncCallback<T>): { options: O; callback: AsyncCallback<T> } {
  if (typeof a === 'function') return { options: {} as O, callback: a };
  return { options: a ?? ({} as O), callback: typeof b === 'function' ? b : () => {} };
}

/** The callback always runs later, never synchronously. */
export function later(fn: () => void): void {
  setTimeout(fn, 0);
}

/** A copy through JSON, as a value crossing the host's process boundary is. */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
