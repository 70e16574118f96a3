/**
 * The second company's playbook (test/fixtures/playbooks/acme.ts) is a valid
 * playbook that fits its own portal, and shares nothing portal-specific with
 * the reference one — so evaluating it proves the code holds no constants.
 */
import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../lib/playbook/default';
import { lintPlaybook } from '../../../lib/playbook/lint';
import { validatePlaybook } from '../../../lib/playbook/validate';
import { acmeAssociationLabels, acmePlaybook, acmePortal } from '../../fixtures/playbooks/acme';
import { referenceAssociationLabels, referencePortalMeta } from '../../fixtures/playbooks/reference-portal-meta';

describe('Acme Freight Cloud playbook', () => {
  it('validates, also after a JSON round trip', () => {
    const direct = validatePlaybook(acmePlaybook);
    expect(direct.ok ? [] : direct.errors).toEqual([]);
    const stored = validatePlaybook(JSON.parse(JSON.stringify(acmePlaybook)));
    expect(stored.ok).toBe(true);
  });

  it('lints clean against its own portal', () => {
    expect(lintPlaybook(acmePlaybook, acmePortal, acmeAssociationLabels)).toEqual([]);
  });

  it('does not fit the reference portal (and lint says why)', () => {
    const problems = lintPlaybook(acmePlaybook, referencePortalMeta, referenceAssociationLabels);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', path: 'objects.onboardingProject' }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', path: 'pipelines[0].label' }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', path: 'associations.labels[0].label' }));
  });

  it('the default playbook does not fit the Acme portal either', () => {
    const errors = lintPlaybook(defaultPlaybook, acmePortal, acmeAssociationLabels).filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(20);
  });

  it('shares no pipeline, stage, property or association label with the reference portal', () => {
    const refStages = new Set(Object.values(referencePortalMeta.pipelines).flat().flatMap((p) => [p.label, ...p.stages.map((s) => s.label)]));
    const acmeStages = Object.values(acmePortal.pipelines).flat().flatMap((p) => [p.label, ...p.stages.map((s) => s.label)]);
    expect(acmeStages.filter((s) => refStages.has(s))).toEqual([]);
    const refIds = new Set(Object.values(referencePortalMeta.pipelines).flat().flatMap((p) => [p.id, ...p.stages.map((s) => s.id)]));
    expect(Object.values(acmePortal.pipelines).flat().flatMap((p) => [p.id, ...p.stages.map((s) => s.id)]).filter((id) => refIds.has(id))).toEqual([]);
    const refLabels = new Set(referenceAssociationLabels.map((l) => l.label));
    expect(acmePlaybook.associations.labels.filter((l) => refLabels.has(l.label))).toEqual([]);
    expect(acmePlaybook.objects['clientHub']).toBeUndefined();
    expect(acmePlaybook.cadence).toBeUndefined();
  });

  it('is rich enough to exercise the engine: staged gates, a checklist, a committee, lifecycle', () => {
    const gates = acmePlaybook.rules.filter((r) => r.kind === 'gate' && r.stage);
    expect(new Set(gates.map((r) => (r.kind === 'gate' ? r.stage : ''))).size).toBeGreaterThanOrEqual(6);
    expect(acmePlaybook.rules.some((r) => r.kind === 'check' && r.test.op === 'checklist')).toBe(true);
    expect(JSON.stringify(acmePlaybook.rules)).toContain('"labels":["Economic Buyer"]');
    expect(acmePlaybook.lifecycle?.stages.map((s) => s.value)).not.toContain('target');
    const direct = acmePlaybook.pipelines.find((p) => p.label === 'Direct Sales');
    expect(direct?.stages.filter((s) => s !== direct.wonStage && s !== direct.lostStage)).toHaveLength(5);
  });
});
