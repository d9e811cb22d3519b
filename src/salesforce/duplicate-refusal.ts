/**
 * A duplicate rule's refusal (`DUPLICATES_DETECTED`), as the seller needs it: may the record be saved anyway, and
 * which records matched. Read from Salesforce's `duplicateResult` (DuplicateResult › MatchResult › MatchRecord) by the
 * classifier, and read again from a stored failure (an outbox entry from IndexedDB may hold anything), never trusted.
 */
import { isArray, read, readString } from './classify-salesforce-error.safe-read';

export interface DuplicateMatch {
  sobject: string;
  id: string;
  /** The record's Name when Salesforce sent its fields (`includeRecordDetails=true`). */
  name?: string;
  email?: string;
  company?: string;
}

export interface DuplicateRefusal {
  /** An Alert rule: the record may be saved anyway (`Sforce-Duplicate-Rule-Header: allowSave=true`). False: Block. */
  allowSave: boolean;
  /** The duplicate rule's developer name. */
  rule?: string;
  records: DuplicateMatch[];
}

/** More would not fit in a task pane; the seller opens Salesforce for the rest. */
const MAX_RECORDS = 10;
const ID = /^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/;
const SOBJECT = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

const text = (value: unknown, key: string): string | undefined => {
  const v = readString(value, key);
  return v !== undefined && v.trim() !== '' ? v.trim().slice(0, 255) : undefined;
};

function lengthOf(list: unknown[]): number {
  return Math.min(Number(read(list, 'length')) || 0, 50);
}

function matchOf(matchRecord: unknown, entityType: string | undefined): DuplicateMatch | undefined {
  // Salesforce's form holds the record under `record`; a stored DuplicateMatch holds its fields itself.
  const record = read(matchRecord, 'record') ?? matchRecord;
  const id = readString(record, 'Id') ?? readString(record, 'id');
  const sobject = readString(read(record, 'attributes'), 'type') ?? readString(record, 'sobject') ?? entityType;
  if (!id || !ID.test(id) || !sobject || !SOBJECT.test(sobject)) return undefined;
  const match: DuplicateMatch = { sobject, id };
  const name = text(record, 'Name') ?? text(record, 'name');
  const email = text(record, 'Email') ?? text(record, 'email');
  const company = text(record, 'Company') ?? text(record, 'company');
  if (name) match.name = name;
  if (email) match.email = email;
  if (company) match.company = company;
  return match;
}

/** From an error item's `duplicateResult`; undefined when it has none or none that can be read. */
export function readDuplicateResult(item: unknown): DuplicateRefusal | undefined {
  const result = read(item, 'duplicateResult');
  if (result === null || typeof result !== 'object') return undefined;
  const records: DuplicateMatch[] = [];
  const matchResults = read(result, 'matchResults');
  if (isArray(matchResults)) {
    for (let i = 0; i < lengthOf(matchResults); i++) {
      const matchResult = read(matchResults, String(i));
      const entityType = readString(matchResult, 'entityType');
      const matchRecords = read(matchResult, 'matchRecords');
      if (!isArray(matchRecords)) continue;
      for (let j = 0; j < lengthOf(matchRecords); j++) {
        const match = matchOf(read(matchRecords, String(j)), entityType);
        if (match && !records.some((r) => r.id === match.id) && records.length < MAX_RECORDS) records.push(match);
      }
    }
  }
  const refusal: DuplicateRefusal = { allowSave: read(result, 'allowSave') === true, records };
  const rule = text(result, 'duplicateRule');
  if (rule) refusal.rule = rule;
  return refusal;
}

/** A stored failure's refusal, checked again: its shape crossed IndexedDB. */
export function duplicateRefusalOf(failure: unknown): DuplicateRefusal | undefined {
  if (readString(failure, 'code') !== 'DUPLICATES_DETECTED') return undefined;
  const stored = read(failure, 'duplicates');
  const records: DuplicateMatch[] = [];
  const list = read(stored, 'records');
  if (isArray(list)) {
    for (let i = 0; i < lengthOf(list); i++) {
      const match = matchOf(read(list, String(i)), undefined);
      if (match && records.length < MAX_RECORDS) records.push(match);
    }
  }
  const refusal: DuplicateRefusal = { allowSave: read(stored, 'allowSave') === true, records };
  const rule = text(stored, 'rule');
  if (rule) refusal.rule = rule;
  return refusal;
}
