/**
 * Office dialog error codes (Office.context.ui.displayDialogAsync). Kept as named constants so callers and tests
 * never compare against bare numbers.
 */
export const DialogErrorCode = {
  /** The dialog page could not be found or loaded. */
  PageNotFound: 12002,
  /** The dialog navigated to an HTTP (not HTTPS) URL. */
  HttpUrl: 12003,
  /** The dialog's domain is not the add-in's and is not in AppDomains. */
  DomainNotTrusted: 12004,
  /** displayDialogAsync was given an HTTP URL. */
  HttpUrlAtOpen: 12005,
  /** The seller closed the dialog: a cancel, not an error. */
  ClosedByUser: 12006,
  /** A dialog is already open from this add-in. */
  AlreadyOpen: 12007,
  /** The seller ignored or declined Office's "allow the dialog" prompt. */
  PromptIgnored: 12009,
  /** The browser blocks pop-ups (Outlook on the web). */
  PopupBlocked: 12011,
  /** Not an Office code: the dialog API is missing or threw before Office could answer. */
  Unavailable: 0,
} as const;

/** Thrown by waitForOffice when the page is not running inside Outlook (office.js missing or no host). */
export class OfficeUnavailableError extends Error {
  override name = 'OfficeUnavailableError';
  constructor(
    readonly reason: 'office-js-missing' | 'timeout' | 'no-host',
    detail?: string,
  ) {
    super(detail ? `Open this add-in from Outlook (${detail})` : 'Open this add-in from Outlook');
  }
}
