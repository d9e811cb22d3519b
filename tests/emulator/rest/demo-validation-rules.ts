/**
 * The demo org's validation rules on Opportunity, as an admin would set them up in Setup › Object Manager ›
 * Opportunity › Validation Rules. Salesforce evaluates active rules on every save against the record as it would be
 * saved (the stored values with the request's on top), so an update that leaves a broken record in place is refused
 * too. A rule whose error location is a field answers 400 `FIELD_CUSTOM_VALIDATION_EXCEPTION` naming that field in
 * `fields`; one placed at the top of the page names none.
 */
import type { SObjectDef } from '../schema';
import type { SfError } from './rest-errors';

/** Stages from which the demo org wants a Next Step ("Next_Step_From_Proposal"). */
export const NEXT_STEP_STAGES: readonly string[] = ['Proposal/Price Quote', 'Negotiation/Review', 'Closed Won'];

export const NEXT_STEP_RULE_MESSAGE = 'Enter a Next Step before moving the opportunity to Proposal/Price Quote or later.';
export const AMOUNT_RULE_MESSAGE = 'A won opportunity needs an Amount.';

const blank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The first rule the record breaks, as Salesforce reports it; undefined when it passes. */
export function demoValidationRule(def: SObjectDef, record: Record<string, unknown>): SfError | undefined {
  if (def.name !== 'Opportunity') return undefined;
  const stage = typeof record.StageName === 'string' ? record.StageName : '';
  // Next_Step_From_Proposal: ISPICKVAL(StageName, ...) && ISBLANK(NextStep); error location: the Next Step field.
  if (NEXT_STEP_STAGES.includes(stage) && blank(record.NextStep)) {
    return { message: NEXT_STEP_RULE_MESSAGE, errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['NextStep'] };
  }
  // Won_Needs_Amount: ISPICKVAL(StageName, 'Closed Won') && ISBLANK(Amount); error location: the Amount field.
  if (stage === 'Closed Won' && blank(record.Amount)) {
    return { message: AMOUNT_RULE_MESSAGE, errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['Amount'] };
  }
  return undefined;
}
