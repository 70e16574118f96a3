/**
 * Small display helpers shared by the sidebar views. Pure functions: the
 * clock is always passed in.
 */
import type { FindingStatus, ItemStatus } from '../../lib/rules/result';
import { OBJECT_TYPE, type RecordRef } from '../../lib/rules/snapshot';

/** Status in words: status is never conveyed by colour alone. */
export const STATUS_TEXT: Record<FindingStatus, string> = {
  met: 'Met',
  missing: 'Needed next',
  violation: 'Out of compliance',
  warning: 'Recommended',
  unknown: 'Not loaded',
};

export const ITEM_STATUS_TEXT: Record<ItemStatus, string> = {
  met: 'Done',
  missing: 'Missing',
  unknown: 'Not loaded',
};

/** A glyph beside the word, hidden from screen readers (the word carries it). */
export const STATUS_ICON: Record<FindingStatus, string> = {
  met: '✓',
  missing: '•',
  violation: '✕',
  warning: '!',
  unknown: '?',
};

/** HubSpot's own standard object type ids (not portal-specific) → words. */
const STANDARD_LABELS: Record<string, string> = {
  [OBJECT_TYPE.contact]: 'Contact',
  [OBJECT_TYPE.company]: 'Company',
  [OBJECT_TYPE.deal]: 'Deal',
  [OBJECT_TYPE.ticket]: 'Ticket',
};

export function objectLabel(objectTypeId: string): string {
  return STANDARD_LABELS[objectTypeId] ?? 'Record';
}

/** A related record's name when the evaluation gives it, else "Contact 5001". */
export function recordLabel(ref: RecordRef, names?: ReadonlyMap<string, string>): string {
  return names?.get(`${ref.objectTypeId}/${ref.id}`) ?? `${objectLabel(ref.objectTypeId)} ${ref.id}`;
}

/** Same-origin link to a record (works on app.hubspot.com and app-eu1 alike). */
export function recordHref(portalId: number, ref: RecordRef): string {
  return `/contacts/${portalId}/record/${encodeURIComponent(ref.objectTypeId)}/${encodeURIComponent(ref.id)}`;
}

export function sameRecord(a: RecordRef, b: RecordRef): boolean {
  return a.objectTypeId === b.objectTypeId && a.id === b.id;
}

export function formatAge(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'at an unknown time';
  const minutes = Math.max(0, Math.round((now - then) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** `2025-03-04` or an ISO datetime → "Mar 4, 2025" (date-only values are calendar days, not instants). */
export function formatDate(value: string | null): string {
  if (!value) return '—';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

export function formatPercent(probability: number | null): string {
  return probability === null ? '' : `${Math.round(probability * 100)}%`;
}

export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Stable DOM id fragment from arbitrary text (rule ids, property names). */
export function domId(...parts: string[]): string {
  return `sop-${parts.join('-').replace(/[^A-Za-z0-9_-]+/g, '_')}`;
}
