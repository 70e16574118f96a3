/**
 * A small in-memory portal implementing the pages' StateLike seam, so the
 * page rendering is tested independently of the sandbox's state engine.
 */
import type { SeedObject, SeedPipeline } from '../../../sandbox/seed/types';
import type { StateLike } from '../../../sandbox/pages/state-adapter';
import type { PropertyDef } from '../../../lib/rules/snapshot';

const obj = (id: string, properties: Record<string, string>): SeedObject => ({
  id, properties, createdAt: '2025-01-02T10:00:00.000Z', updatedAt: '2025-01-03T10:00:00.000Z',
});

const prop = (name: string, label: string, type = 'string', options: Array<[string, string]> = []): PropertyDef => ({
  name, label, type, fieldType: type === 'enumeration' ? 'select' : 'text',
  options: options.map(([value, l]) => ({ value, label: l })),
});

export const XSS = '<script>alert("x")</script>';

export function fixtureState(): StateLike & { objects: Record<string, SeedObject[]> } {
  const pipelines: Record<string, SeedPipeline[]> = {
    '0-3': [{
      id: '78110001', label: 'New Business', displayOrder: 0,
      stages: [
        { id: '150100001', label: 'Sales Qualified Lead (SQL)', displayOrder: 0, metadata: {} },
        { id: '150100002', label: 'Engaged', displayOrder: 1, metadata: {} },
        { id: '150100003', label: 'Proposal', displayOrder: 2, metadata: {} },
      ],
    }],
    '2-9000101': [{
      id: '88120001', label: 'Client Hub', displayOrder: 0,
      stages: [{ id: '160100001', label: 'Call Preparation', displayOrder: 0, metadata: {} }, { id: '160100002', label: 'Call 1', displayOrder: 1, metadata: {} }],
    }],
  };
  const properties: Record<string, PropertyDef[]> = {
    '0-3': [prop('dealname', 'Deal Name'), prop('amount', 'Amount', 'number'), prop('pipeline', 'Pipeline', 'enumeration'), prop('dealstage', 'Deal Stage', 'enumeration'),
      prop('hubspot_owner_id', 'Deal owner', 'enumeration'), prop('pricing_model', 'Pricing Model', 'enumeration', [['flat_fee', 'Flat Fee']]), prop('rate_range', 'Rate Range')],
    '0-1': [prop('firstname', 'First name'), prop('lastname', 'Last name'), prop('email', 'Email'), prop('lifecyclestage', 'Lifecycle Stage', 'enumeration', [['salesqualifiedlead', 'Sales Qualified Lead']])],
    '0-2': [prop('name', 'Company name'), prop('domain', 'Company domain')],
    '2-9000101': [prop('hs_pipeline', 'Pipeline'), prop('hs_pipeline_stage', 'Stage'), prop('client_name', 'Client name'), prop('next_contact_date', 'Next contact date', 'date')],
  };
  const objects: Record<string, SeedObject[]> = {
    '0-3': [
      obj('9001', { dealname: 'Acme RCM', amount: '120000', pipeline: '78110001', dealstage: '150100003', hubspot_owner_id: '501', pricing_model: 'flat_fee', rate_range: '' }),
      obj('9002', { dealname: XSS, amount: '5', pipeline: '78110001', dealstage: '150100001' }),
    ],
    '0-1': [obj('101', { firstname: XSS, lastname: 'Doe', email: 'x@acme.test', lifecyclestage: 'salesqualifiedlead' }), obj('102', { firstname: 'Ann', lastname: 'Lee' })],
    '0-2': [obj('201', { name: 'Acme Health', domain: 'acme.test' })],
    '0-5': [],
    '2-9000101': [obj('301', { client_name: 'Acme hub', hs_pipeline: '88120001', hs_pipeline_stage: '160100002', next_contact_date: '2025-03-04' })],
    '0-46': [obj('401', { hs_timestamp: '2025-02-01T09:00:00.000Z', hs_note_body: '<p>#S&amp;OP review</p><script>alert(1)</script>' })],
    '0-48': [obj('402', { hs_timestamp: '2025-02-05T09:00:00.000Z', hs_call_title: 'Discovery call', hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', hs_call_body: 'Talked <b>pricing</b>' })],
  };
  const edges: Array<[string, string, string, string, string | null]> = [
    ['0-3', '9001', '0-1', '101', 'Champion'],
    ['0-3', '9001', '0-2', '201', null],
    ['0-3', '9001', '0-46', '401', null],
    ['0-3', '9001', '0-48', '402', null],
    ['0-1', '101', '0-3', '9001', 'Champion'],
    ['2-9000101', '301', '0-1', '102', null],
  ];
  return {
    objects,
    account: { portalId: 4471200 },
    getObject: (t, id) => objects[t]?.find((o) => o.id === id),
    listObjects: (t) => objects[t] ?? [],
    associationsOf: (from, id, to) =>
      edges.filter(([f, fi, tt]) => f === from && fi === id && tt === to).map(([, , , toId, label]) => ({
        toObjectId: toId,
        associationTypes: [{ category: label ? 'USER_DEFINED' : 'HUBSPOT_DEFINED', typeId: 1, label }],
      })),
    pipelines: (t) => pipelines[t] ?? [],
    properties: (t) => properties[t] ?? [],
    schemas: () => [{ objectTypeId: '2-9000101', name: 'client_hub', labels: { singular: 'Client Hub', plural: 'Client Hubs' }, primaryDisplayProperty: 'client_name' }],
    owners: () => [{ id: '501', firstName: 'Riley', lastName: 'Rep', email: 'riley@example.test' }],
    callDispositions: () => [{ id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected' }],
  };
}
