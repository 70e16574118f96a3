/**
 * CH-2 / CH-3: which logged calls count as a check-in. Only a call whose
 * outcome, type and direction are the playbook's check-in values moves the
 * Client Hub cadence; any other call never does.
 */
import type { Playbook } from '../playbook/types';
import type { PortalMeta } from './snapshot';
import { OBJECT_TYPE } from './snapshot';
import type { Env } from './resolve';
import { getEnv, memo } from './resolve';
import { HS } from './hubspot';
import { clean, isBlank, normLabel, normLabelCached } from './values';

export interface CheckInMatcher {
  outcomeIds: Set<string>;
  outcomeLabels: Set<string>;
  types: Set<string>;
  directions: Set<string>;
  /** hs_activity_type value → normalized label (the portal's options). */
  typeLabel: Map<string, string>;
}

export function checkInMatcher(env: Env): CheckInMatcher {
  return memo(env, 'checkIn', buildMatcher);
}

function buildMatcher(env: Env): CheckInMatcher {
  {
    const ci = env.playbook.callLog?.checkIn;
    const outcomeLabels = new Set((ci?.outcomes ?? []).map(normLabel));
    const outcomeIds = new Set<string>();
    for (const d of env.portal.callDispositions ?? []) {
      if (d && typeof d.id === 'string' && typeof d.label === 'string' && outcomeLabels.has(normLabel(d.label))) outcomeIds.add(d.id);
    }
    const typeLabel = new Map<string, string>();
    for (const def of env.portal.properties?.[OBJECT_TYPE.call] ?? []) {
      if (def?.name !== HS.callType) continue;
      for (const o of def.options ?? []) if (o && typeof o.value === 'string') typeLabel.set(o.value, normLabel(o.label ?? o.value));
    }
    return {
      outcomeIds,
      outcomeLabels,
      types: new Set((ci?.types ?? []).map(normLabel)),
      directions: new Set((ci?.directions ?? []).map((d) => d.trim().toUpperCase())),
      typeLabel,
    };
  }
}

export function matchesCheckIn(m: CheckInMatcher, call: Record<string, string | null | undefined>): boolean {
  const outcome = call[HS.callDisposition];
  const type = call[HS.callType];
  const direction = call[HS.callDirection];
  if (isBlank(outcome) || isBlank(type) || isBlank(direction)) return false;
  const o = clean(outcome as string);
  if (!m.outcomeIds.has(o) && !m.outcomeLabels.has(normLabelCached(o))) return false;
  const t = clean(type as string);
  if (!m.types.has(normLabelCached(t)) && !m.types.has(m.typeLabel.get(t) ?? '\u0000')) return false;
  return m.directions.has(clean(direction as string).toUpperCase());
}

/** CH-2: the call (its HubSpot properties) is a successful check-in; CH-3: anything else is not. */
export function isCheckIn(callProperties: Record<string, string | null | undefined>, playbook: Playbook, portal: PortalMeta): boolean {
  if (!callProperties || typeof callProperties !== 'object') return false;
  return matchesCheckIn(checkInMatcher(getEnv(playbook, portal)), callProperties);
}
