/**
 * Which HubSpot private-app scope each feature needs, and which features a
 * token's missing scopes switch off.
 *
 * HubSpot has no way to list a private-app token's scopes, so the background
 * learns missing ones from 403 MISSING_SCOPES answers (Status.missingScopes).
 * A feature is shown as blocked when a scope it needs was reported missing;
 * otherwise it is "not refused so far", never a promise that it works.
 * Scope names are HubSpot's, the same for every portal.
 */

export interface ScopeNeed {
  /** The scope to grant in the private app. */
  scope: string;
  /** Scopes HubSpot accepts instead (e.g. the legacy `tickets` for ticket reads). */
  alternatives?: readonly string[];
  /** What it is for inside the feature, when the feature needs several ("deal properties"). */
  purpose?: string;
}

export interface Feature {
  id: string;
  name: string;
  needs: readonly ScopeNeed[];
}

export const FEATURES: readonly Feature[] = [
  { id: 'read-deals', name: 'Sidebar on deals', needs: [{ scope: 'crm.objects.deals.read' }] },
  { id: 'read-contacts', name: 'Sidebar on contacts', needs: [{ scope: 'crm.objects.contacts.read' }] },
  { id: 'read-companies', name: 'Sidebar on companies', needs: [{ scope: 'crm.objects.companies.read' }] },
  {
    id: 'read-tickets',
    name: 'Sidebar on tickets (and support load in account health)',
    needs: [{ scope: 'tickets', alternatives: ['crm.objects.tickets.read'] }],
  },
  {
    id: 'read-custom',
    name: 'Sidebar on custom objects',
    needs: [
      { scope: 'crm.objects.custom.read', purpose: 'records' },
      { scope: 'crm.schemas.custom.read', purpose: 'finding the object types' },
    ],
  },
  { id: 'owners', name: 'Record owner checks', needs: [{ scope: 'crm.objects.owners.read' }] },
  { id: 'files', name: 'Attachment checks', needs: [{ scope: 'files', alternatives: ['files.ui_hidden.read'] }] },
  {
    id: 'fix-properties',
    name: 'Fixing properties from the sidebar',
    needs: [
      { scope: 'crm.objects.deals.write', purpose: 'deals' },
      { scope: 'crm.objects.contacts.write', purpose: 'contacts' },
      { scope: 'crm.objects.companies.write', purpose: 'companies' },
      { scope: 'crm.objects.custom.write', purpose: 'custom objects' },
    ],
  },
  { id: 'log-calls', name: 'Logging calls', needs: [{ scope: 'crm.objects.contacts.write' }] },
  { id: 'sop-notes', name: 'Writing S&OP notes', needs: [{ scope: 'crm.objects.contacts.write' }] },
  {
    id: 'admin-scan',
    name: 'Admin compliance scan',
    needs: [
      { scope: 'crm.objects.deals.read', purpose: 'deals' },
      { scope: 'crm.objects.contacts.read', purpose: 'contacts' },
      { scope: 'crm.objects.companies.read', purpose: 'companies' },
      { scope: 'crm.objects.custom.read', purpose: 'custom objects' },
      { scope: 'crm.objects.owners.read', purpose: 'owners' },
    ],
  },
];

export interface ScopeState {
  need: ScopeNeed;
  missing: boolean;
}

export interface FeatureRow {
  feature: Feature;
  scopes: ScopeState[];
  /** Some scope it needs was refused: the feature (or the named part) does not work. */
  blocked: boolean;
  /** "Logging calls needs crm.objects.contacts.write — missing" (or "— not refused so far"). */
  sentence: string;
}

function isMissing(need: ScopeNeed, missing: ReadonlySet<string>): boolean {
  return missing.has(need.scope) || (need.alternatives ?? []).some((s) => missing.has(s));
}

export function featureRows(missingScopes: readonly string[], features: readonly Feature[] = FEATURES): FeatureRow[] {
  const missing = new Set(missingScopes);
  return features.map((feature) => {
    const scopes = feature.needs.map((need) => ({ need, missing: isMissing(need, missing) }));
    const lacking = scopes.filter((s) => s.missing).map((s) => s.need.scope);
    const sentence = lacking.length > 0
      ? `${feature.name} needs ${lacking.join(', ')} — missing`
      : `${feature.name} needs ${feature.needs.map((n) => n.scope).join(', ')} — not refused so far`;
    return { feature, scopes, blocked: lacking.length > 0, sentence };
  });
}

/** Missing scopes no feature row names (shown too, so nothing HubSpot reported is hidden). */
export function otherMissingScopes(missingScopes: readonly string[], features: readonly Feature[] = FEATURES): string[] {
  const known = new Set(features.flatMap((f) => f.needs.flatMap((n) => [n.scope, ...(n.alternatives ?? [])])));
  return missingScopes.filter((s) => !known.has(s));
}
