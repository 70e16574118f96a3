/**
 * Small constructors for predicates, so a playbook written in TypeScript reads
 * like the SOP ("known(enterprise_deal_status)"). They only build plain data:
 * a playbook stored as JSON (options page, enterprise policy) is the same shape.
 */
import type { ListParam, NumberParam, Predicate } from './types';

type Labelled = { label?: string };

function withLabel<T extends object>(p: T, label: string | undefined): T & Labelled {
  return label === undefined ? p : { ...p, label };
}

export const known = (property: string, label?: string): Predicate =>
  withLabel({ op: 'known' as const, property }, label);

export const equals = (property: string, value: string, label?: string): Predicate =>
  withLabel({ op: 'equals' as const, property, value }, label);

export const oneOf = (property: string, values: ListParam, label?: string): Predicate =>
  withLabel({ op: 'oneOf' as const, property, values }, label);

export const hasAny = (property: string, label?: string): Predicate =>
  withLabel({ op: 'hasAny' as const, property }, label);

export const all = (of: Predicate[], label?: string): Predicate => withLabel({ op: 'all' as const, of }, label);

export const any = (of: Predicate[], label?: string): Predicate => withLabel({ op: 'any' as const, of }, label);

export const not = (of: Predicate, label?: string): Predicate => withLabel({ op: 'not' as const, of }, label);

export const param = (name: string): { param: string } => ({ param: name });

export const activityWithin = (days: NumberParam, label?: string): Predicate =>
  withLabel({ op: 'activityWithin' as const, days }, label);

export const ownerResolves = (property: string, label?: string): Predicate =>
  withLabel({ op: 'ownerResolves' as const, property }, label);
