import type { SaveAttachmentAction, SaveEmailAction } from '../salesforce/outbox/outbox';

/** A "save this email" action for Jane, numbered so entries differ by their message id and subject. */
export const saveEmailAction = (n: number): SaveEmailAction => ({
  type: 'save_email',
  internetMessageId: `<m${n}@x>`,
  subject: `s${n}`,
  bodyExcerpt: '',
  activityDate: '2025-01-01',
  whoId: '0035e000000Jane01A',
  label: 'Jane',
});

/** Saving one file of email `n` (see saveEmailAction). */
export const saveAttachmentAction = (n: number, fileName = 'quote.pdf', bytes = 'pdf'): SaveAttachmentAction => ({
  type: 'save_attachment',
  email: saveEmailAction(n),
  fileName,
  contentType: 'application/pdf',
  content: new Blob([bytes]),
  label: fileName,
});
