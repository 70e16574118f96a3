/**
 * HubSpot's private-app rate limits per rolling 10 seconds, by plan
 * (shared/HUBSPOT-API.md). The background's limiter paces requests to the
 * chosen tier so reps and the admin scan never trip HubSpot's 429s.
 */
import type { ApiTier } from '../messages/schemas';

export interface TierChoice {
  value: ApiTier;
  plan: string;
  detail: string;
}

export const TIER_CHOICES: readonly TierChoice[] = [
  { value: 100, plan: 'Free or Starter', detail: '100 requests per 10 seconds, 250,000 a day' },
  { value: 190, plan: 'Professional or Enterprise', detail: '190 requests per 10 seconds, 650,000 a day' },
  { value: 250, plan: 'API limit increase (capacity pack)', detail: '250 requests per 10 seconds, 1,000,000 a day' },
];

export function tierLabel(value: ApiTier): string {
  const choice = TIER_CHOICES.find((c) => c.value === value);
  return choice ? `${choice.plan} — ${value} requests per 10 seconds` : `${value} requests per 10 seconds`;
}
