/**
 * HubSpot's object types as the API names them: objectTypeId (`0-3`), plural
 * name used in paths and v3 association keys (`deals`), singular name used in
 * v3 association type names (`deal_to_contact`), the scope family guarding
 * them, and the properties HubSpot returns when a request names none.
 */
export interface ObjectTypeInfo {
  objectTypeId: string;
  /** Path / v3 `associations` key name, e.g. `deals`. */
  plural: string;
  /** Singular, used in v3 association type names (`deal_to_contact`) and in messages (`DEAL`). */
  singular: string;
  /** Scope names: [read, write]. Tickets also accept HubSpot's legacy `tickets` scope (see objectScopes). */
  scopes: [string, string];
  /** Properties returned when the request names none (HubSpot's defaults). */
  defaultProperties: string[];
  /** Properties HubSpot requires on create (`hs_timestamp` on engagements). */
  requiredOnCreate: string[];
  /** Last-modified property name: contacts use `lastmodifieddate`. */
  modifiedProperty: string;
  custom: boolean;
  /** For custom objects: `name` from the schema. */
  name?: string;
}

const SYSTEM = ['createdate', 'hs_lastmodifieddate', 'hs_object_id'];
const ENGAGEMENT_DEFAULTS = ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];
const contactsScopes: [string, string] = ['crm.objects.contacts.read', 'crm.objects.contacts.write'];

function std(objectTypeId: string, plural: string, singular: string, scopes: [string, string], defaultProperties: string[], extra: Partial<ObjectTypeInfo> = {}): ObjectTypeInfo {
  return { objectTypeId, plural, singular, scopes, defaultProperties, requiredOnCreate: [], modifiedProperty: 'hs_lastmodifieddate', custom: false, ...extra };
}

export const STANDARD_TYPES: ObjectTypeInfo[] = [
  std('0-1', 'contacts', 'contact', contactsScopes, ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'], { modifiedProperty: 'lastmodifieddate' }),
  std('0-2', 'companies', 'company', ['crm.objects.companies.read', 'crm.objects.companies.write'], ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name']),
  std('0-3', 'deals', 'deal', ['crm.objects.deals.read', 'crm.objects.deals.write'], ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline']),
  std('0-5', 'tickets', 'ticket', ['crm.objects.tickets.read', 'crm.objects.tickets.write'], ['content', 'createdate', 'hs_lastmodifieddate', 'hs_object_id', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_category', 'hs_ticket_priority', 'subject']),
  std('0-7', 'products', 'product', ['e-commerce', 'e-commerce'], ['createdate', 'description', 'hs_lastmodifieddate', 'hs_object_id', 'name', 'price']),
  std('0-8', 'line_items', 'line_item', ['crm.objects.line_items.read', 'crm.objects.line_items.write'], ['createdate', 'hs_lastmodifieddate', 'hs_object_id', 'name', 'price', 'quantity']),
  std('0-14', 'quotes', 'quote', ['crm.objects.quotes.read', 'crm.objects.quotes.write'], ['hs_createdate', 'hs_expiration_date', 'hs_lastmodifieddate', 'hs_object_id', 'hs_public_url_key', 'hs_status', 'hs_title']),
  std('0-27', 'tasks', 'task', contactsScopes, ENGAGEMENT_DEFAULTS, { requiredOnCreate: ['hs_timestamp'] }),
  std('0-46', 'notes', 'note', contactsScopes, ENGAGEMENT_DEFAULTS, { requiredOnCreate: ['hs_timestamp'] }),
  std('0-47', 'meetings', 'meeting', contactsScopes, ENGAGEMENT_DEFAULTS, { requiredOnCreate: ['hs_timestamp'] }),
  std('0-48', 'calls', 'call', contactsScopes, ENGAGEMENT_DEFAULTS, { requiredOnCreate: ['hs_timestamp'] }),
  std('0-49', 'emails', 'email', contactsScopes, ENGAGEMENT_DEFAULTS, { requiredOnCreate: ['hs_timestamp'] }),
];

export const CUSTOM_SCOPES: [string, string] = ['crm.objects.custom.read', 'crm.objects.custom.write'];

export function customType(objectTypeId: string, name: string, portalId: number): ObjectTypeInfo {
  return {
    objectTypeId,
    // HubSpot keys custom-object associations by the fully qualified name.
    plural: `p${portalId}_${name}`,
    singular: name,
    scopes: CUSTOM_SCOPES,
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    requiredOnCreate: [],
    modifiedProperty: 'hs_lastmodifieddate',
    custom: true,
    name,
  };
}

/** Scopes of which a token needs one to read / write a type. */
export function objectScopes(info: ObjectTypeInfo, write: boolean): string[] {
  const scope = info.scopes[write ? 1 : 0];
  return info.objectTypeId === '0-5' ? [scope, 'tickets'] : [scope];
}

/** Read-only system properties every object has (computed by the server). */
export const SYSTEM_PROPERTIES = new Set([...SYSTEM, 'hs_createdate', 'lastmodifieddate']);
export const READ_ONLY_PROPERTIES = new Set(['hs_object_id', 'hs_lastmodifieddate', 'lastmodifieddate', 'hs_createdate']);

/** Resolves every spelling HubSpot accepts for a type, given the portal's custom schemas. */
export class TypeRegistry {
  private readonly byKey = new Map<string, ObjectTypeInfo>();
  private readonly byId = new Map<string, ObjectTypeInfo>();

  constructor(portalId: number, schemas: Array<{ objectTypeId: string; name: string }>) {
    for (const t of STANDARD_TYPES) this.add(t, [t.objectTypeId, t.plural, t.singular]);
    for (const s of schemas) {
      if (this.byId.has(s.objectTypeId)) continue;
      const t = customType(s.objectTypeId, s.name, portalId);
      this.add(t, [s.objectTypeId, s.name, `p_${s.name}`, `p${portalId}_${s.name}`]);
    }
  }

  private add(t: ObjectTypeInfo, keys: string[]): void {
    this.byId.set(t.objectTypeId, t);
    for (const k of keys) this.byKey.set(k.toLowerCase(), t);
  }

  resolve(typeOrName: string): ObjectTypeInfo | undefined {
    return this.byKey.get(typeOrName.trim().toLowerCase());
  }

  info(objectTypeId: string): ObjectTypeInfo | undefined {
    return this.byId.get(objectTypeId);
  }

  all(): ObjectTypeInfo[] {
    return [...this.byId.values()];
  }
}
