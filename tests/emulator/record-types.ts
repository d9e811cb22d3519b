/**
 * Record types of the demo org. Every object has the Master record type (id 012000000000000AAA, Salesforce's fixed
 * id for it); Opportunity also has New Business and Renewal, whose stages differ: a renewal never goes through
 * Prospecting or Needs Analysis. `picklists` lists, per picklist field, the values the record type allows.
 */
import { makeId } from './ids';
import type { EmulatorPolicy } from './policy';

export interface RecordTypeDef {
  id: string;
  name: string;
  developerName: string;
  /** Picklist values allowed for this record type, by field; a field not named allows all its values. */
  picklists: Record<string, readonly string[]>;
}

export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

export const OPPORTUNITY_RECORD_TYPES = {
  newBusiness: {
    id: makeId('012', 1),
    name: 'New Business',
    developerName: 'New_Business',
    picklists: {},
  },
  renewal: {
    id: makeId('012', 2),
    name: 'Renewal',
    developerName: 'Renewal',
    picklists: { StageName: ['Qualification', 'Value Proposition', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost'] },
  },
} as const satisfies Record<string, RecordTypeDef>;

const BY_OBJECT: Record<string, readonly RecordTypeDef[]> = {
  opportunity: [OPPORTUNITY_RECORD_TYPES.newBusiness, OPPORTUNITY_RECORD_TYPES.renewal],
};

/** The object's own record types (Master not included). */
export function recordTypesOf(sobject: string): readonly RecordTypeDef[] {
  return BY_OBJECT[sobject.toLowerCase()] ?? [];
}

/** What one user may do with an object's record types: those their profile lets them use, and their default. */
export interface RecordTypeAccess {
  available: readonly RecordTypeDef[];
  default: RecordTypeDef | undefined;
}

export function recordTypeAccessFor(policy: EmulatorPolicy, username: string | undefined, sobject: string): RecordTypeAccess {
  const own = recordTypesOf(sobject);
  const rule = policy.recordTypeAccess.find((r) => r.username.toLowerCase() === username?.toLowerCase() && r.sobject.toLowerCase() === sobject.toLowerCase());
  if (!rule) return { available: own, default: own[0] };
  const available = own.filter((rt) => rule.recordTypes.includes(rt.developerName));
  return { available, default: available.find((rt) => rt.developerName === rule.defaultRecordType) ?? available[0] };
}
