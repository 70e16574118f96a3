/**
 * The default playbook against the sandbox's portal (what `npm run demo`
 * serves): the two were written separately from REFERENCE-PORTAL.md, so this
 * catches a label, name or option that drifted in either of them.
 */
import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../lib/playbook/default';
import { lintPlaybook } from '../../../lib/playbook/lint';
import type { PortalMeta } from '../../../lib/rules/snapshot';
import { buildMetadata } from '../../../sandbox/seed/metadata';

function portalFromSeed(): { portal: PortalMeta; labels: Parameters<typeof lintPlaybook>[2] } {
  const seed = buildMetadata();
  const pipelines: PortalMeta['pipelines'] = {};
  for (const [type, list] of Object.entries(seed.pipelines)) {
    pipelines[type] = list.map((p) => ({
      id: p.id,
      label: p.label,
      displayOrder: p.displayOrder,
      stages: p.stages.map((s) => ({
        id: s.id,
        label: s.label,
        displayOrder: s.displayOrder,
        isClosed: s.metadata['isClosed'] === 'true',
        probability: s.metadata['probability'] === undefined ? null : Number(s.metadata['probability']),
      })),
    }));
  }
  const portal: PortalMeta = {
    portalId: seed.account.portalId,
    timeZone: seed.account.timeZone,
    uiDomain: seed.account.uiDomain,
    pipelines,
    properties: seed.properties,
    owners: seed.owners,
    callDispositions: seed.callDispositions,
    schemas: seed.schemas.map(({ objectTypeId, name, labels }) => ({ objectTypeId, name, labels })),
  };
  const labels = seed.associationLabels.map((l) => ({
    fromObjectTypeId: l.fromType, toObjectTypeId: l.toType, category: l.category, typeId: l.typeId, label: l.label,
  }));
  return { portal, labels };
}

describe('default playbook against the sandbox portal', () => {
  it('lints without errors', () => {
    const { portal, labels } = portalFromSeed();
    const problems = lintPlaybook(defaultPlaybook, portal, labels);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
