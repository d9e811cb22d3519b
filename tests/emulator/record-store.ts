/**
 * The org's records in memory, keyed by sObject. Fills in what the platform derives (Name, IsClosed, audit fields)
 * so every read, query and composite subrequest sees the same values.
 */
import { makeId, sameId } from './ids';
import { findSObject, SCHEMA, type SObjectDef } from './schema';
import type { EmulatorSeed } from './seed';

export type SfRecord = Record<string, unknown> & { Id: string };

/** Salesforce's wire form for datetimes: 2025-01-15T09:00:00.000+0000 */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function parseDateTime(value: string): number {
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

const CLOSED_STAGES = new Set(['Closed Won', 'Closed Lost']);

export class RecordStore {
  private readonly tables = new Map<string, Map<string, SfRecord>>();
  private readonly counters = new Map<string, number>();

  constructor(seed: EmulatorSeed) {
    for (const def of SCHEMA) this.tables.set(def.name, new Map());
    const seededAt = seed.createdAt;
    for (const user of seed.users) {
      this.put('User', {
        Id: user.id,
        Username: user.username,
        FirstName: user.firstName,
        LastName: user.lastName,
        Email: user.email,
        Alias: user.alias,
        IsActive: true,
        TimeZoneSidKey: 'America/Los_Angeles',
        LanguageLocaleKey: 'en_US',
        CreatedById: seed.ownerId,
        LastModifiedById: seed.ownerId,
        CreatedDate: seededAt,
        LastModifiedDate: seededAt,
        SystemModstamp: seededAt,
      });
    }
    for (const [sobject, rows] of Object.entries(seed.records)) {
      const def = findSObject(sobject);
      if (!def) throw new Error(`seed: unknown sObject ${sobject}`);
      for (const row of rows) {
        const id = typeof row.Id === 'string' ? row.Id : this.nextId(def);
        this.put(def.name, {
          ...row,
          Id: id,
          OwnerId: row.OwnerId ?? seed.ownerId,
          CreatedById: seed.ownerId,
          LastModifiedById: seed.ownerId,
          CreatedDate: seededAt,
          LastModifiedDate: seededAt,
          SystemModstamp: seededAt,
        });
      }
    }
  }

  nextId(def: SObjectDef): string {
    // Created records start after any seeded ones so ids never collide.
    const n = (this.counters.get(def.keyPrefix) ?? 1000) + 1;
    this.counters.set(def.keyPrefix, n);
    return makeId(def.keyPrefix, n);
  }

  all(sobject: string): SfRecord[] {
    return [...(this.tables.get(sobject)?.values() ?? [])];
  }

  get(sobject: string, id: string): SfRecord | undefined {
    const table = this.tables.get(sobject);
    if (!table) return undefined;
    const exact = table.get(id);
    if (exact) return exact;
    for (const record of table.values()) if (sameId(record.Id, id)) return record;
    return undefined;
  }

  /** Stores a record with every field present (null when unset) and the platform-derived values recomputed. */
  put(sobject: string, fields: Record<string, unknown> & { Id: string }): SfRecord {
    const def = findSObject(sobject);
    if (!def) throw new Error(`unknown sObject ${sobject}`);
    const record: SfRecord = { Id: fields.Id };
    for (const field of def.fields) record[field.name] = fields[field.name] ?? null;
    // Case's auto-number: kept on update, the next free number on create.
    if (def.name === 'Case' && record.CaseNumber === null) record.CaseNumber = String(1000 + this.all('Case').length + 1).padStart(8, '0');
    applyDefaultsAndDerived(def, record);
    this.tables.get(def.name)?.set(record.Id, record);
    return record;
  }

  remove(sobject: string, id: string): boolean {
    const record = this.get(sobject, id);
    if (!record) return false;
    return this.tables.get(sobject)?.delete(record.Id) ?? false;
  }

  snapshot(): () => void {
    const copy = new Map([...this.tables].map(([name, table]) => [name, new Map([...table].map(([id, r]) => [id, { ...r }]))]));
    const counters = new Map(this.counters);
    return () => {
      this.tables.clear();
      for (const [name, table] of copy) this.tables.set(name, table);
      this.counters.clear();
      for (const [k, v] of counters) this.counters.set(k, v);
    };
  }
}

function applyDefaultsAndDerived(def: SObjectDef, record: SfRecord): void {
  record.IsDeleted = false;
  // The corporate currency, for when the org has multi-currency on (the field is hidden otherwise).
  if ('CurrencyIsoCode' in record) record.CurrencyIsoCode ??= 'USD';
  switch (def.name) {
    case 'Contact':
    case 'Lead':
    case 'User':
      record.Name = [record.FirstName, record.LastName].filter((v) => typeof v === 'string' && v !== '').join(' ');
      if (def.name === 'Lead') {
        record.Status ??= 'Open - Not Contacted';
        // Only conversion sets it (seeded converted leads); a client cannot, the field is read-only.
        record.IsConverted = record.IsConverted === true;
      }
      break;
    case 'Opportunity': {
      const stage = String(record.StageName ?? '');
      record.IsClosed = CLOSED_STAGES.has(stage);
      record.IsWon = stage === 'Closed Won';
      break;
    }
    case 'Task':
      record.Status ??= 'Not Started';
      record.Priority ??= 'Normal';
      record.IsClosed = record.Status === 'Completed';
      break;
    case 'Case':
      record.Status ??= 'New';
      record.IsClosed = record.Status === 'Closed';
      break;
    case 'EmailMessage':
      record.Incoming ??= false;
      break;
    default:
      break;
  }
}
