/**
 * The demo org's duplicate rules and their matching rules (Setup › Duplicate Management), run on create (a REST
 * create, or an upsert that inserts). A rule whose action is Block refuses the record whatever the request says; an
 * Alert rule refuses it unless the request carries `Sforce-Duplicate-Rule-Header: allowSave=true`. The refusal is one
 * 400 error item `DUPLICATES_DETECTED` carrying Salesforce's `duplicateResult` (DuplicateResult › MatchResult ›
 * MatchRecord); with `includeRecordDetails=true` each matched record carries its fields, else only its Id.
 */
import type { RecordStore, SfRecord } from '../record-store';
import type { SObjectDef } from '../schema';
import type { SfError } from './rest-errors';

export interface MatchingRule {
  /** Developer name, as `matchResults[].rule` reports it. */
  name: string;
  /** The object whose existing records are compared. */
  entityType: string;
  /** Every field must hold the same value (trimmed, case-insensitive); a blank field never matches. */
  fields: readonly string[];
}

export interface DuplicateRule {
  name: string;
  entityType: string;
  action: 'block' | 'alert';
  /** The alert text the admin configured (`duplicateResult.errorMessage` and the error's `message`). */
  errorMessage: string;
  matchingRules: readonly MatchingRule[];
}

const ALERT_TEXT = 'Use one of these records?';
const BLOCK_TEXT = "You're creating a duplicate record. We recommend you use an existing record instead.";

export const DEMO_DUPLICATE_RULES: readonly DuplicateRule[] = [
  {
    name: 'Standard_Contact_Duplicate_Rule',
    entityType: 'Contact',
    action: 'alert',
    errorMessage: ALERT_TEXT,
    matchingRules: [{ name: 'Standard_Contact_Match_Rule_v1_1', entityType: 'Contact', fields: ['Email'] }],
  },
  {
    // An admin's own rule: one lead per address, no way around it.
    name: 'Block_Duplicate_Lead_Email',
    entityType: 'Lead',
    action: 'block',
    errorMessage: BLOCK_TEXT,
    matchingRules: [{ name: 'Lead_Email_Exact_Match', entityType: 'Lead', fields: ['Email'] }],
  },
  {
    name: 'Standard_Lead_Duplicate_Rule',
    entityType: 'Lead',
    action: 'alert',
    errorMessage: ALERT_TEXT,
    matchingRules: [{ name: 'Standard_Lead_Match_Rule_v1_0', entityType: 'Lead', fields: ['LastName', 'Company'] }],
  },
  {
    name: 'Standard_Account_Duplicate_Rule',
    entityType: 'Account',
    action: 'alert',
    errorMessage: ALERT_TEXT,
    matchingRules: [{ name: 'Standard_Account_Match_Rule_v1_0', entityType: 'Account', fields: ['Name'] }],
  },
];

export interface DuplicateHeader {
  allowSave: boolean;
  includeRecordDetails: boolean;
}

/** `Sforce-Duplicate-Rule-Header: allowSave=true; includeRecordDetails=true; runAsCurrentUser=true`; each defaults false. */
export function parseDuplicateHeader(value: string | undefined): DuplicateHeader {
  const flags = new Map<string, string>();
  for (const part of (value ?? '').split(/[;,]/)) {
    const [name, setting] = part.split('=').map((s) => s.trim().toLowerCase());
    if (name) flags.set(name, setting ?? '');
  }
  return { allowSave: flags.get('allowsave') === 'true', includeRecordDetails: flags.get('includerecorddetails') === 'true' };
}

const normalised = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined);

function matchesOf(store: RecordStore, rule: MatchingRule, values: Record<string, unknown>): SfRecord[] {
  const wanted = rule.fields.map((f) => normalised(values[f]));
  if (wanted.some((v) => v === undefined)) return [];
  return store.all(rule.entityType).filter((r) => rule.fields.every((f, i) => normalised(r[f]) === wanted[i]));
}

interface Fired {
  rule: DuplicateRule;
  results: Array<{ matching: MatchingRule; records: SfRecord[] }>;
}

/** The rule that refuses this new record, if any: a Block rule first, else an Alert rule unless `allowSave`. */
export function duplicateRefusal(store: RecordStore, def: SObjectDef, values: Record<string, unknown>, header: DuplicateHeader, rules = DEMO_DUPLICATE_RULES): Fired | undefined {
  const fired: Fired[] = [];
  for (const rule of rules.filter((r) => r.entityType === def.name)) {
    const results = rule.matchingRules.map((matching) => ({ matching, records: matchesOf(store, matching, values) })).filter((r) => r.records.length > 0);
    if (results.length > 0) fired.push({ rule, results });
  }
  return fired.find((f) => f.rule.action === 'block') ?? (header.allowSave ? undefined : fired[0]);
}

export function duplicatesError(apiVersion: string, fired: Fired, header: DuplicateHeader): SfError {
  const { rule } = fired;
  return {
    duplicateResult: {
      allowSave: rule.action === 'alert',
      duplicateRule: rule.name,
      duplicateRuleEntityType: rule.entityType,
      errorMessage: rule.errorMessage,
      matchResults: fired.results.map(({ matching, records }) => ({
        entityType: matching.entityType,
        errors: [],
        matchEngine: 'ExactMatchEngine',
        matchRecords: records.map((m) => ({
          additionalInformation: [],
          fieldDiffs: [],
          matchConfidence: 100.0,
          record: {
            attributes: { type: matching.entityType, url: `/services/data/v${apiVersion}/sobjects/${matching.entityType}/${m.Id}` },
            ...(header.includeRecordDetails ? m : { Id: m.Id }),
          },
        })),
        rule: matching.name,
        size: records.length,
        success: true,
      })),
    },
    errorCode: 'DUPLICATES_DETECTED',
    message: rule.errorMessage,
  };
}
