/**
 * Contacts as people at a seeded company: e-mail from the company's domain,
 * a complete ACC-8 profile unless a record says otherwise, recent activity.
 */
import type { PortalBuilder } from '../builder';
import { addContact, type ContactOptions, type Props } from './common';
import { CO, CO_DOMAIN } from './companies';

export type CoKey = keyof typeof CO;

export interface PersonOptions extends Omit<ContactOptions, 'company'> {
  /** Number of Providers on the contact (SALES-ENG-2). */
  providers?: string;
  /** Days since the latest activity; default 3. */
  activity?: number;
  /** E-mail override; `null` = no e-mail. */
  email?: string | null;
  props?: Props;
}

const localPart = (first: string, last: string) =>
  `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase();

export function person(
  b: PortalBuilder, id: string, first: string, last: string, company: CoKey | undefined,
  title: string, lifecycle: string | undefined, note: string, opts: PersonOptions = {},
): string {
  const domain = company ? CO_DOMAIN[company] : 'gmail.com';
  const email = opts.email === null ? undefined : (opts.email ?? `${localPart(first, last)}@${domain}`);
  return addContact(b, {
    id,
    first,
    last,
    email,
    title,
    lifecycle,
    activity: opts.activity ?? 3,
    props: { number_of_providers: opts.providers, ...opts.props },
  }, note, { ...opts, company: company ? CO[company] : undefined });
}
