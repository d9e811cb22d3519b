/**
 * The Salesforce admin's choices in config.json (`salesforce.objects`, `salesforce.matchEmailFields`): which objects
 * the pane shows, which fields a card shows and which the seller may edit, which must be filled before a save, and
 * which custom email fields also identify a person. Names are API names; labels, types and picklists come from the
 * org's metadata, and a field the seller may not read is left out whatever the config says (field-level security).
 * Read at start-up: anything malformed stops the add-in with a message naming the setting.
 */
import { ConfigError } from './config-error';

export interface ObjectConfig {
  /** Shown in the pane. Contacts always are; false hides leads or opportunities; a custom object listed is shown. */
  visible: boolean;
  /** Fields a card shows under the name, in this order. */
  cardFields: string[];
  /** Fields the seller may change from the pane (where field-level security lets them too). */
  editableFields: string[];
  /** Fields a create or edit must fill before it is sent, on top of those Salesforce itself requires. */
  requiredOnSave: string[];
}

export type MatchEmailObject = 'Contact' | 'Lead';

export interface CrmConfig {
  objects: Record<string, ObjectConfig>;
  /** Custom email fields (besides Email) an address is matched on, per object. */
  matchEmailFields: Record<MatchEmailObject, string[]>;
}

const STANDARD_OBJECTS = ['Contact', 'Lead', 'Account', 'Opportunity', 'Case'] as const;
const API_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}__c$/;
const MAX_FIELDS = 20;

/** What the pane shows when config.json says nothing: the cards as they have always been. */
export const DEFAULT_CRM_CONFIG: CrmConfig = {
  objects: {
    Contact: { visible: true, cardFields: ['Title', 'Phone'], editableFields: ['Title', 'Phone'], requiredOnSave: [] },
    Lead: { visible: true, cardFields: ['Title', 'Company', 'Phone', 'Status'], editableFields: ['Status'], requiredOnSave: [] },
    Account: { visible: true, cardFields: ['Website'], editableFields: [], requiredOnSave: [] },
    Opportunity: { visible: true, cardFields: ['StageName', 'Amount', 'CloseDate'], editableFields: ['StageName', 'Amount', 'CloseDate', 'NextStep'], requiredOnSave: [] },
  },
  matchEmailFields: { Contact: [], Lead: [] },
};

function fieldList(raw: unknown, where: string): string[] {
  if (!Array.isArray(raw)) throw new ConfigError(`config.json: "${where}" must be a list of field API names like ["Title", "Phone"]`);
  if (raw.length > MAX_FIELDS) throw new ConfigError(`config.json: "${where}" names ${raw.length} fields; at most ${MAX_FIELDS}`);
  const out: string[] = [];
  raw.forEach((value, i) => {
    const name = typeof value === 'string' ? value.trim() : '';
    if (!API_NAME.test(name) || name.includes('__') !== name.endsWith('__c')) {
      throw new ConfigError(`config.json: "${where}[${i}]" must be a field API name such as Phone or Region__c`);
    }
    if (out.some((known) => known.toLowerCase() === name.toLowerCase())) throw new ConfigError(`config.json: "${where}" names ${name} twice`);
    out.push(name);
  });
  return out;
}

const OBJECT_KEYS = ['visible', 'cardFields', 'editableFields', 'requiredOnSave'];

function objectConfig(name: string, raw: unknown, fallback: ObjectConfig | undefined): ObjectConfig {
  const where = `salesforce.objects.${name}`;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`config.json: "${where}" must be an object like {"cardFields": ["Title"]}`);
  const entry = raw as Record<string, unknown>;
  const unknown = Object.keys(entry).find((key) => !OBJECT_KEYS.includes(key));
  if (unknown !== undefined) throw new ConfigError(`config.json: "${where}" has an unknown setting ${JSON.stringify(unknown.slice(0, 40))}; known: ${OBJECT_KEYS.join(', ')}`);
  if (entry.visible !== undefined && typeof entry.visible !== 'boolean') throw new ConfigError(`config.json: "${where}.visible" must be true or false`);
  if (name === 'Contact' && entry.visible === false) throw new ConfigError(`config.json: "${where}.visible" cannot be false: contacts are what the pane is for`);
  const read = (key: 'cardFields' | 'editableFields' | 'requiredOnSave'): string[] => (entry[key] === undefined ? [...(fallback?.[key] ?? [])] : fieldList(entry[key], `${where}.${key}`));
  return { visible: entry.visible ?? true, cardFields: read('cardFields'), editableFields: read('editableFields'), requiredOnSave: read('requiredOnSave') };
}

function objectsOf(raw: unknown): CrmConfig['objects'] {
  const objects: CrmConfig['objects'] = {};
  for (const [name, config] of Object.entries(DEFAULT_CRM_CONFIG.objects))
    objects[name] = { ...config, cardFields: [...config.cardFields], editableFields: [...config.editableFields], requiredOnSave: [...config.requiredOnSave] };
  if (raw === undefined || raw === null) return objects;
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError('config.json: "salesforce.objects" must be an object keyed by object API name, like {"Contact": {"cardFields": ["Title"]}}');
  for (const [rawName, entry] of Object.entries(raw as Record<string, unknown>)) {
    const name = rawName.trim();
    const standard = STANDARD_OBJECTS.find((s) => s.toLowerCase() === name.toLowerCase());
    if (!standard && !CUSTOM_NAME.test(name)) {
      throw new ConfigError(`config.json: "salesforce.objects" names ${JSON.stringify(name.slice(0, 40))}; use ${STANDARD_OBJECTS.join(', ')} or a custom object's API name ending in __c`);
    }
    const key = standard ?? name;
    objects[key] = objectConfig(key, entry, objects[key]);
  }
  return objects;
}

function matchEmailFieldsOf(raw: unknown): CrmConfig['matchEmailFields'] {
  const out: CrmConfig['matchEmailFields'] = { Contact: [], Lead: [] };
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError('config.json: "salesforce.matchEmailFields" must be an object like {"Contact": ["Personal_Email__c"]}');
  for (const [object, fields] of Object.entries(raw as Record<string, unknown>)) {
    if (object !== 'Contact' && object !== 'Lead')
      throw new ConfigError(`config.json: "salesforce.matchEmailFields" names ${JSON.stringify(object.slice(0, 40))}; only Contact and Lead are matched by email`);
    const names = fieldList(fields, `salesforce.matchEmailFields.${object}`);
    const standard = names.find((name) => !CUSTOM_NAME.test(name));
    if (standard !== undefined)
      throw new ConfigError(`config.json: "salesforce.matchEmailFields.${object}" names ${standard}; list custom email fields (ending in __c), Email is always matched`);
    out[object] = names;
  }
  return out;
}

/** Reads `salesforce.objects` and `salesforce.matchEmailFields` of config.json; the defaults where absent. */
export function parseCrmConfig(salesforce: Record<string, unknown>): CrmConfig {
  return { objects: objectsOf(salesforce.objects), matchEmailFields: matchEmailFieldsOf(salesforce.matchEmailFields) };
}
