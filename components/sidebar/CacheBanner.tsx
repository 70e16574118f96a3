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
  if (offline) text = `Offline: showing checks cached ${age}. They refresh when HubSpot is reachable.`;
  else if (refreshing) text = meta.fromCache ? `Showing checks cached ${age}; refreshing…` : 'Refreshing…';
  else if (meta.stale) text = `These checks are from ${age} and may be out of date.`;
  else if (meta.fromCache) text = `From cache, loaded ${age}.`;
  if (!text) return null;
  return (
    <p class={offline || meta.stale ? 'sop-banner sop-banner--warn' : 'sop-banner'} role="status" data-cache={offline ? 'offline' : refreshing ? 'refreshing' : meta.stale ? 'stale' : 'cached'}>
      {text}
    </p>
  );
}
