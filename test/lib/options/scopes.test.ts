import { describe, expect, test } from 'vitest';
import { FEATURES, featureRows, otherMissingScopes } from '../../../lib/options/scopes';

const row = (rows: ReturnType<typeof featureRows>, id: string) => {
  const found = rows.find((r) => r.feature.id === id);
  if (!found) throw new Error(`no feature ${id}`);
  return found;
};

describe('feature scopes', () => {
  test('with no missing scope nothing is blocked, and every row says "not refused so far"', () => {
    const rows = featureRows([]);
    expect(rows.map((r) => r.feature.id)).toEqual(FEATURES.map((f) => f.id));
    expect(rows.every((r) => !r.blocked)).toBe(true);
    expect(row(rows, 'log-calls').sentence).toBe('Logging calls needs crm.objects.contacts.write — not refused so far');
  });

  test('a missing contacts write scope blocks logging calls, S&OP notes and contact fixes, nothing else', () => {
    const rows = featureRows(['crm.objects.contacts.write']);
    expect(rows.filter((r) => r.blocked).map((r) => r.feature.id)).toEqual(['fix-properties', 'log-calls', 'sop-notes']);
    expect(row(rows, 'log-calls').sentence).toBe('Logging calls needs crm.objects.contacts.write — missing');
    // Only the contacts part of fixing properties is missing, and it says which.
    expect(row(rows, 'fix-properties').sentence).toBe('Fixing properties from the sidebar needs crm.objects.contacts.write — missing');
    expect(row(rows, 'fix-properties').scopes.filter((s) => s.missing).map((s) => s.need.purpose)).toEqual(['contacts']);
  });

  test('an alternative scope HubSpot reports (crm.objects.tickets.read for tickets) blocks the feature too', () => {
    const rows = featureRows(['crm.objects.tickets.read']);
    expect(row(rows, 'read-tickets').blocked).toBe(true);
    expect(row(rows, 'read-deals').blocked).toBe(false);
  });

  test('deal reads block the sidebar on deals and the admin scan', () => {
    const blocked = featureRows(['crm.objects.deals.read']).filter((r) => r.blocked).map((r) => r.feature.id);
    expect(blocked).toEqual(['read-deals', 'admin-scan']);
  });

  test('missing scopes no feature names are listed separately, so nothing reported is hidden', () => {
    expect(otherMissingScopes(['crm.objects.deals.read', 'crm.objects.quotes.read'])).toEqual(['crm.objects.quotes.read']);
  });
});
