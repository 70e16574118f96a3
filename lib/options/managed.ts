/**
 * What enterprise policy (storage.managed, public/managed-schema.json)
 * fixes, as the options page needs it: each locked control and the policy's
 * values. The background reports the keys (Settings.managed) and the
 * playbook's source; a policy playbook that is set but not active was
 * invalid and ignored by the background.
 */
import type { PlaybookInfo, Settings } from '../messages/schemas';

export interface ManagedView {
  apiTier: boolean;
  learnEnabled: boolean;
  learnDays: boolean;
  /** The policy's playbook is the active one: import, edit and reset are off. */
  playbook: boolean;
  /** The policy sets a playbook, but it is not active (it did not validate). */
  playbookIgnored: boolean;
  /** Portals the policy allows (null = any). */
  allowedPortalIds: number[] | null;
  any: boolean;
}

export function managedView(settings: Settings | null, playbook: PlaybookInfo | null): ManagedView {
  const keys = new Set(settings?.managed ?? []);
  const policyPlaybook = keys.has('playbook');
  const active = playbook?.source === 'managed';
  const view = {
    apiTier: keys.has('apiTier'),
    learnEnabled: keys.has('learnMode.enabled'),
    learnDays: keys.has('learnMode.days'),
    playbook: active,
    // The background says why it ignored the policy's playbook; older answers only imply it.
    playbookIgnored: playbook !== null && !active && (playbook.managedRejected != null || policyPlaybook),
    allowedPortalIds: settings?.allowedPortalIds ?? null,
  };
  return { ...view, any: keys.size > 0 || active };
}
