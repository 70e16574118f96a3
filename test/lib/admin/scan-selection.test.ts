import { describe, expect, test } from 'vitest';
import { isScannable, resolveSelection } from '../../../lib/admin/scan-selection';
import { AppErrorException } from '../../../lib/messages/errors';
import { defaultPlaybook } from '../../../lib/playbook/default/index';
import { referencePortalMeta as meta } from '../../fixtures/playbooks/reference-portal-meta';

function refusal(run: () => unknown): AppErrorException {
  try {
    run();
  } catch (err) {
    if (err instanceof AppErrorException) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('scan selection', () => {
  test('by default every object with a rule that can fail, every such rule, every pipeline', () => {
    const s = resolveSelection({}, defaultPlaybook, meta);
    expect(s.targets.map((t) => t.alias)).toEqual(['deal', 'contact', 'company', 'clientHub', 'productSubscription']);
    expect(s.targets.every((t) => t.pipelineIds === null)).toBe(true);
    // Guides and views have no failing state: never scanned.
    expect(s.ruleIds).not.toContain('SALES-SQL-G1');
    expect(s.ruleIds).not.toContain('ACC-3');
    expect(s.ruleIds).toContain('SALES-SQL-1');
    expect(s.limit).toBeNull();
    const clientHub = s.targets.find((t) => t.alias === 'clientHub')!;
    expect(clientHub.objectTypeId).toBe('2-9000101');
  });

  test('pipelines by label become ids of the search filter; rules go to the objects they apply to (CH-1 on subscriptions and contacts)', () => {
    const s = resolveSelection(
      { objects: ['deal', 'contact', 'productSubscription'], ruleIds: ['SALES-PRO-2', 'CH-1', 'LC-1'], options: { pipelines: { deal: ['New Business', 'upsell'] } }, limit: 500 },
      defaultPlaybook,
      meta,
    );
    const deal = s.targets.find((t) => t.alias === 'deal')!;
    expect(deal.pipelineIds).toEqual(['78110001', '78110003']);
    expect(deal.pipelineLabels).toEqual(['New Business', 'Upsell']);
    expect(deal.rules).toEqual(['SALES-PRO-2']);
    expect(s.targets.find((t) => t.alias === 'contact')!.rules.sort()).toEqual(['CH-1', 'LC-1']);
    expect(s.targets.find((t) => t.alias === 'productSubscription')!.rules).toEqual(['CH-1']);
    expect(s.limit).toBe(500);
  });

  test('an object none of the selected rules applies to is not read at all', () => {
    const s = resolveSelection({ objects: ['deal', 'company'], ruleIds: ['SALES-SQL-2'] }, defaultPlaybook, meta);
    expect(s.targets.map((t) => t.alias)).toEqual(['deal']);
  });

  test('unknown objects, rules and pipelines are refused with every problem listed (validation)', () => {
    const err = refusal(() =>
      resolveSelection({ objects: ['deal', 'lead'], ruleIds: ['SALES-XYZ', 'SALES-SQL-G1'], options: { pipelines: { deal: ['Renewals'] } } }, defaultPlaybook, meta),
    );
    expect(err.error.code).toBe('validation');
    const messages = err.error.details!.map((d) => `${d.path}: ${d.message}`).join('\n');
    expect(messages).toMatch(/objects: “lead” is not an object/);
    expect(messages).toMatch(/ruleIds: No rule SALES-XYZ/);
    expect(messages).toMatch(/ruleIds: SALES-SQL-G1 \(guide\) has no failing state/);
  });

  test('a pipeline label the portal lacks names the ones it has', () => {
    const err = refusal(() => resolveSelection({ objects: ['deal'], options: { pipelines: { deal: ['Renewals'] } } }, defaultPlaybook, meta));
    expect(err.error.details?.[0]).toEqual({ path: 'options.pipelines.deal', message: expect.stringMatching(/No deal pipeline “Renewals”.*New Business, Expansion, Upsell/) });
  });

  test('options are checked strictly: unknown keys, pipelines of an object not scanned or without pipelines', () => {
    expect(refusal(() => resolveSelection({ options: { pipeline: ['New Business'] } }, defaultPlaybook, meta)).error.message).toMatch(/Scan options are not valid/);
    expect(refusal(() => resolveSelection({ objects: ['deal'], options: { pipelines: { contact: ['x'] } } }, defaultPlaybook, meta)).error.message).toMatch(/not scanned/);
    expect(refusal(() => resolveSelection({ objects: ['contact'], options: { pipelines: { contact: ['x'] } } }, defaultPlaybook, meta)).error.message).toMatch(/no pipelines/);
  });

  test('nothing to scan is refused, not started', () => {
    expect(refusal(() => resolveSelection({ objects: ['ticket'] }, defaultPlaybook, meta)).error.message).toMatch(/nothing to scan/);
  });

  test('scannable: gates, checks, forms with a test; not guides, views, disabled rules', () => {
    const kinds = new Map(defaultPlaybook.rules.map((r) => [r.id, isScannable(r)]));
    expect(kinds.get('SALES-PRO-2')).toBe(true);
    expect(kinds.get('LC-1')).toBe(true);
    expect(kinds.get('ACC-3')).toBe(false);
    expect(kinds.get('LC-2')).toBe(false);
    const disabled = { ...defaultPlaybook.rules.find((r) => r.id === 'LC-1')!, enabled: false };
    expect(isScannable(disabled)).toBe(false);
  });
});
