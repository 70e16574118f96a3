/**
 * JSON schemas of HubSpot's responses, written from shared/HUBSPOT-API.md (not
 * from the sandbox's code), so the contract tests check the sandbox against
 * HubSpot's contract. Open objects (`additionalProperties` allowed) where
 * HubSpot sends more fields than the contract names; closed where a field's
 * absence matters (e.g. no `paging` on the last page is checked in tests).
 */
type Schema = Record<string, unknown>;

const ISO = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';
const str: Schema = { type: 'string' };
const iso: Schema = { type: 'string', pattern: ISO };
const numericId: Schema = { type: 'string', pattern: '^\\d+$' };
const int: Schema = { type: 'integer' };
const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties), extra: Schema = {}): Schema => ({ type: 'object', properties, required, ...extra });
const arrayOf = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra });

const nextPage = (withLink: boolean): Schema => obj({ next: obj(withLink ? { after: str, link: str } : { after: str }, ['after']) });

export const error: Schema = obj(
  {
    status: { const: 'error' },
    message: str,
    correlationId: str,
    category: str,
    subCategory: str,
    context: { type: 'object' },
    errors: arrayOf(obj({ message: str, code: str, in: str }, ['message'])),
  },
  ['status', 'message', 'correlationId', 'category'],
);

export const errorOf = (category: string): Schema => ({ allOf: [error, obj({ category: { const: category } })] });

export const rateLimitError: Schema = obj(
  {
    status: { const: 'error' },
    message: { enum: ['You have reached your ten_secondly_rolling limit.', 'You have reached your secondly limit.', 'You have reached your daily limit.'] },
    errorType: { const: 'RATE_LIMIT' },
    policyName: { enum: ['TEN_SECONDLY_ROLLING', 'SECONDLY', 'DAILY'] },
    correlationId: str,
  },
);

export const historyEntry: Schema = obj({ value: str, timestamp: iso, sourceType: str }, ['value', 'timestamp', 'sourceType']);

export const crmObject: Schema = obj(
  {
    id: numericId,
    // Property values are always strings, or null when requested but unset.
    properties: { type: 'object', additionalProperties: { type: ['string', 'null'] } },
    propertiesWithHistory: { type: 'object', additionalProperties: arrayOf(historyEntry) },
    createdAt: iso,
    updatedAt: iso,
    archived: { type: 'boolean' },
    archivedAt: iso,
    associations: {
      type: 'object',
      additionalProperties: obj({ results: arrayOf(obj({ id: numericId, type: { type: 'string', pattern: '^[a-z0-9_]+$' } }), { minItems: 1 }) }),
    },
  },
  ['id', 'properties', 'createdAt', 'updatedAt', 'archived'],
);

export const objectList: Schema = obj({ results: arrayOf(crmObject), paging: nextPage(true) }, ['results']);

const batchError: Schema = obj({ status: { const: 'error' }, category: str, message: str, subCategory: str, context: { type: 'object' } }, ['status', 'category', 'message']);

export const batchObjects: Schema = obj(
  {
    status: { enum: ['PENDING', 'PROCESSING', 'CANCELED', 'COMPLETE'] },
    results: arrayOf(crmObject),
    startedAt: iso,
    completedAt: iso,
    numErrors: int,
    errors: arrayOf(batchError),
  },
  ['status', 'results', 'startedAt', 'completedAt'],
);

/** 207: numErrors and OBJECT_NOT_FOUND errors with the ids. */
export const batchObjectsPartial: Schema = {
  allOf: [batchObjects, obj({ numErrors: { type: 'integer', minimum: 1 }, errors: arrayOf({ allOf: [batchError, obj({ category: { const: 'OBJECT_NOT_FOUND' }, context: obj({ ids: arrayOf(str, { minItems: 1 }) }) })] }, { minItems: 1 }) })],
};

export const searchResponse: Schema = obj({ total: int, results: arrayOf(crmObject), paging: nextPage(false) }, ['total', 'results']);

export const associationType: Schema = obj({ category: { enum: ['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED'] }, typeId: int, label: { type: ['string', 'null'] } });

const associatedRecord: Schema = obj({ toObjectId: int, associationTypes: arrayOf(associationType, { minItems: 1 }) });

export const associationList: Schema = obj({ results: arrayOf(associatedRecord), paging: nextPage(true) }, ['results']);

export const associationBatch: Schema = obj(
  {
    status: str,
    results: arrayOf(obj({ from: obj({ id: numericId }), to: arrayOf(associatedRecord) })),
    startedAt: iso,
    completedAt: iso,
    numErrors: int,
    errors: arrayOf(batchError),
  },
  ['status', 'results'],
);

export const associationLabels: Schema = obj({ results: arrayOf(associationType) });

export const associationCreated: Schema = obj({ fromObjectTypeId: str, fromObjectId: int, toObjectTypeId: str, toObjectId: int, labels: arrayOf(str) });

export const associationBatchCreated: Schema = obj({ status: str, results: arrayOf(associationCreated), startedAt: iso, completedAt: iso }, ['status', 'results']);

export const associationDefaultCreated: Schema = obj({
  status: str,
  results: arrayOf(obj({ from: obj({ id: numericId }), to: obj({ id: numericId }), associationSpec: obj({ associationCategory: str, associationTypeId: int }) })),
}, ['status', 'results']);

export const stage: Schema = obj({ id: str, label: str, displayOrder: int, metadata: { type: 'object', additionalProperties: str } });
export const pipeline: Schema = obj({ id: str, label: str, displayOrder: int, archived: { type: 'boolean' }, stages: arrayOf(stage) });
export const pipelines: Schema = obj({ results: arrayOf(pipeline) });
export const stages: Schema = obj({ results: arrayOf(stage) });

export const property: Schema = obj(
  {
    name: str,
    label: str,
    type: str,
    fieldType: str,
    groupName: str,
    description: str,
    options: arrayOf(obj({ label: str, value: str, hidden: { type: 'boolean' }, displayOrder: int })),
    hubspotDefined: { type: 'boolean' },
    calculated: { type: 'boolean' },
  },
  ['name', 'label', 'type', 'fieldType', 'groupName', 'description', 'options'],
);
export const properties: Schema = obj({ results: arrayOf(property) });

export const owner: Schema = obj({ id: numericId, email: str, firstName: str, lastName: str, userId: int, teams: { type: 'array' }, archived: { type: 'boolean' } });
export const owners: Schema = obj({ results: arrayOf(owner), paging: nextPage(true) }, ['results']);

export const dispositions: Schema = arrayOf(obj({ id: str, label: str }));

export const account: Schema = obj({ portalId: int, timeZone: str, companyCurrency: str, dataHostingLocation: str, uiDomain: str });

export const file: Schema = obj({ id: str, name: str, extension: str, type: str, size: int, url: str, createdAt: iso });

export const schemas: Schema = obj({
  results: arrayOf(obj({ objectTypeId: { type: 'string', pattern: '^2-\\d+$' }, name: str, labels: obj({ singular: str, plural: str }), properties: arrayOf(property) })),
});
