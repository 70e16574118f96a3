/** The admin page's words for a scan's progress and summary (pure; times in the user's locale). */
import type { Status } from '../messages/schemas';
import type { ScanProgress } from './scan-state';

const number = new Intl.NumberFormat('en-US');

export function count(n: number, one: string, many = `${one}s`): string {
  return `${number.format(n)} ${n === 1 ? one : many}`;
}

export function formatNumber(n: number): string {
  return number.format(n);
}

/** "40 s", "18 min", "1 h 5 min". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function dateTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

export const STATE_LABEL: Record<ScanProgress['state'], string> = {
  idle: 'No scan yet',
  running: 'Scanning',
  paused: 'Paused',
  done: 'Finished',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

export interface ProgressText {
  records: string;
  rate: string | null;
  eta: string | null;
  /** "Waiting for HubSpot's rate limit until 14:05:12" (a paused scan, or the limiter holding requests). */
  waiting: string | null;
  requests: string;
}

export function progressText(scan: ScanProgress, status: Status | null, now: number): ProgressText {
  const records = scan.total !== null ? `${formatNumber(scan.processed)} of ${count(scan.total, 'record')}` : `${count(scan.processed, 'record')} so far`;
  const running = scan.state === 'running' || scan.state === 'paused';
  let waitUntil: string | null = null;
  if (scan.state === 'paused' && scan.resumeAt) waitUntil = scan.resumeAt;
  else if (scan.state === 'running' && status?.retryAt && Date.parse(status.retryAt) > now) waitUntil = status.retryAt;
  let waiting: string | null = null;
  if (waitUntil) {
    const daily = scan.error?.code === 'daily-limit' || status?.token === 'daily-limit';
    waiting = `Waiting for HubSpot's ${daily ? 'daily API limit' : 'rate limit'} until ${clock(waitUntil)}`;
  } else if (scan.state === 'paused' && scan.error) {
    waiting = `Paused: ${scan.error.message}`;
  }
  return {
    records,
    rate: scan.recordsPerSecond !== null ? `${formatNumber(scan.recordsPerSecond)} records/s` : null,
    eta: running && scan.etaSeconds !== null ? `about ${duration(scan.etaSeconds)} left` : null,
    waiting,
    requests: `${count(scan.requests, 'request')} to HubSpot (fewest possible: ${formatNumber(scan.floorRequests)})`,
  };
}

/** How long a finished scan took. */
export function elapsed(scan: ScanProgress): string | null {
  if (!scan.startedAt || !scan.finishedAt) return null;
  return duration((Date.parse(scan.finishedAt) - Date.parse(scan.startedAt)) / 1_000);
}
