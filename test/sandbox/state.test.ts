import { describe, expect, it } from 'vitest';
import { SandboxState } from '../../sandbox/state';
import { miniSeed } from './fixtures/mini-seed';

describe('SandboxState', () => {
  it('resolves every spelling of a type to its objectTypeId, case-insensitively', () => {
    const s = new SandboxState(miniSeed());
    const cases: Array<[string, string]> = [
      ['deals', '0-3'], ['deal', '0-3'], ['DEALS', '0-3'], ['0-3', '0-3'], ['contacts', '0-1'], ['companies', '0-2'], ['tickets', '0-5'],
      ['notes', '0-46'], ['calls', '0-48'], ['emails', '0-49'], ['meetings', '0-47'], ['tasks', '0-27'],
      ['2-777', '2-777'], ['client_hub', '2-777'], ['p_client_hub', '2-777'], ['p123456_client_hub', '2-777'],
    ];
    for (const [name, id] of cases) expect(s.resolveType(name), name).toBe(id);
    expect(s.resolveType('p999_client_hub')).toBeUndefined();
    expect(s.resolveType('widgets')).toBeUndefined();
  });

  it('stamps system properties on seeded records', () => {
    const s = new SandboxState(miniSeed());
    expect(s.getObject('0-1', '2001')?.properties).toMatchObject({ hs_object_id: '2001', createdate: '2024-01-10T10:00:00.000Z', lastmodifieddate: '2024-01-10T10:00:00.000Z' });
    expect(s.getObject('0-48', '5001')?.properties.hs_createdate).toBe('2024-01-10T10:00:00.000Z');
  });

  it('creates with fresh ids above every seeded one, and updates with history', () => {
    const s = new SandboxState(miniSeed());
    const a = s.createObject('0-1', { email: 'a@b.c' });
    const b = s.createObject('0-3', { dealname: 'n' }, [{ toType: '0-1', toId: a.id, types: [{ category: 'HUBSPOT_DEFINED', typeId: 3 }] }]);
    expect(Number(a.id)).toBeGreaterThan(6001);
    expect(Number(b.id)).toBe(Number(a.id) + 1);
    expect(s.associationsOf('0-1', a.id, '0-3')).toEqual([{ toObjectId: b.id, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 4, label: null }] }]);
    s.updateObject('0-1', a.id, { email: 'x@y.z', jobtitle: null });
    expect(s.getObject('0-1', a.id)?.history.email?.map((h) => h.value)).toEqual(['x@y.z', 'a@b.c']);
    expect(s.updateObject('0-1', '424242', { email: 'x' })).toBeUndefined();
  });

  it('merges associations written from both sides into one stored edge', () => {
    const s = new SandboxState(miniSeed());
    s.associate('0-1', '2002', '0-3', '1001', [{ category: 'USER_DEFINED', typeId: 111 }]);
    expect(s.associationsOf('0-3', '1001', '0-1').find((a) => a.toObjectId === '2002')?.associationTypes).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 3, label: null },
      { category: 'USER_DEFINED', typeId: 103, label: 'Decision Maker' },
    ]);
    expect(s.removeAssociation('0-3', '1001', '0-1', '2002', [{ category: 'USER_DEFINED', typeId: 103 }])).toBe(true);
    expect(s.associationsOf('0-1', '2002', '0-3')[0]?.associationTypes).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 4, label: null }]);
  });

  it('reset restores the seed exactly', () => {
    const s = new SandboxState(miniSeed());
    s.updateObject('0-3', '1001', { dealname: 'changed' });
    s.archiveObject('0-3', '1002');
    s.reset();
    expect(s.getObject('0-3', '1001')?.properties.dealname).toBe('Alpha');
    expect(s.getObject('0-3', '1002')).toBeDefined();
  });

  it('rejects a seed naming an unknown object type with a clear error', () => {
    const seed = miniSeed();
    seed.associations.push({ fromType: 'widgets', fromId: '1', toType: '0-1', toId: '2001', types: [] });
    expect(() => new SandboxState(seed)).toThrow(/unknown object type "widgets" in associations/);
  });
});
