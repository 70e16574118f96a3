import type { SnapshotMeta } from '../../lib/content/view-model';
import { formatAge } from './format';

export interface CacheBannerProps {
  meta: SnapshotMeta;
  refreshing: boolean;
  offline: boolean;
  now: number;
}

/** Says when the checks come from the cache, how old it is, and whether a refresh is running. */
export function CacheBanner({ meta, refreshing, offline, now }: CacheBannerProps) {
  const age = formatAge(meta.loadedAt, now);
  let text: string | null = null;
  // `stale` means the background is already revalidating (or cannot, when offline).
  if (offline) text = `Offline: showing checks cached ${age}. They refresh when HubSpot is reachable.`;
  else if (refreshing || meta.stale) text = meta.fromCache ? `Showing checks cached ${age}; refreshing…` : 'Refreshing…';
  else if (meta.fromCache) text = `From cache, loaded ${age}.`;
  if (!text) return null;
  return (
    <p class={offline ? 'sop-banner sop-banner--warn' : 'sop-banner'} role="status" data-cache={offline ? 'offline' : refreshing || meta.stale ? 'refreshing' : 'cached'}>
      {text}
    </p>
  );
}
