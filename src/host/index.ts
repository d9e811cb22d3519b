export type { AttachmentContentResult, DialogOutcome, EmailAddress, EmailAttachment, EmailContext, MeetingContext, OfficeHost, OfficeTheme } from './office-host';
export { createOfficeHost } from './create-office-host';
export { waitForOffice } from './wait-for-office';
export { DialogErrorCode, OfficeUnavailableError } from './office-errors';
