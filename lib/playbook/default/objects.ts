/**
 * The objects the SOP talks about, and how their records relate. Standard
 * objects by objectTypeId; custom objects by schema name so another portal's
 * `2-…` ids resolve without an edit.
 */
import type { PlaybookAssociations, PlaybookObject } from '../types';

export const objects: Record<string, PlaybookObject> = {
  deal: { objectTypeId: '0-3', label: 'Deal', nameProperties: ['dealname'] },
  contact: { objectTypeId: '0-1', label: 'Contact', nameProperties: ['firstname', 'lastname'] },
  company: { objectTypeId: '0-2', label: 'Company', nameProperties: ['name'] },
  ticket: { objectTypeId: '0-5', label: 'Ticket', nameProperties: ['subject'] },
  // The Client Hub schema has no name property of its own; the record id is what HubSpot shows.
  // A Client Hub record has no name property: it is named after its primary contact (CH-1).
  clientHub: { name: 'client_hub', label: 'Client Hub', nameProperties: [], nameFrom: 'contact' },
  productSubscription: { name: 'product_subscription', label: 'Product Subscription', nameProperties: ['product_name'] },
};

export const associations: PlaybookAssociations = {
  primary: [
    // "The associated company" is the deal's primary company (Resolutions).
    { from: 'deal', to: 'company', typeId: 5 },
    { from: 'contact', to: 'company', typeId: 1 },
  ],
  // ACC-3: company hierarchy.
  parentToChild: 13,
  childToParent: 14,
  labels: [
    // ACC-7: buying-committee roles on the deal's contacts.
    { from: 'deal', to: 'contact', label: 'Champion' },
    { from: 'deal', to: 'contact', label: 'Influencer' },
    { from: 'deal', to: 'contact', label: 'Decision Maker' },
    { from: 'deal', to: 'contact', label: 'Blocker' },
    // CH-1: one Client Hub record per Primary Contact of a Product Subscription.
    { from: 'productSubscription', to: 'contact', label: 'Primary Contact' },
  ],
};

/** Timestamps that count as activity (LC-4, LEAD-1, ACC-10), besides engagement dates. */
export const activityProperties: Record<string, string[]> = {
  contact: ['hs_last_sales_activity_timestamp', 'notes_last_updated'],
  company: ['hs_last_sales_activity_timestamp', 'notes_last_updated'],
  deal: ['notes_last_updated'],
};
