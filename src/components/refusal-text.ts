/**
 * The text a form shows on a field Salesforce refused. Salesforce's own message where it gave one (it is localized into
 * the user's Salesforce language), our own words for a missing required field (Salesforce's "Required fields are
 * missing: [LastName]" names the API field, not the label the seller sees).
 */
import { failureMessage } from '../i18n/failure-messages';
import type { ClassifiedFailure } from '../salesforce/failure-kinds';

export function refusalText<Field extends string>(
  refusal: ClassifiedFailure | undefined,
  placedFields: readonly Field[] | undefined,
  field: Field,
  requiredText: string,
  locale: string,
): string | undefined {
  if (!refusal || !placedFields?.includes(field)) return undefined;
  if (refusal.code === 'REQUIRED_FIELD_MISSING') return requiredText;
  return refusal.detail ?? failureMessage(refusal, locale).explanation;
}
