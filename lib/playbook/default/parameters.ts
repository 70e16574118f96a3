/**
 * Tunable numbers and lists the rules refer to by name (`{ param: … }`), so
 * a company changes a period or a list without touching a rule.
 */
export const parameters: Record<string, number | string[]> = {
  /** LC-4: SQL contacts with no activity for longer than this are flagged. */
  staleSqlDays: 30,
  /** LEAD-1: a lead has engaged within this many days. */
  leadEngagementDays: 30,
  /** ACC-10: an account with no logged activity for longer than this is flagged. */
  noActivityDays: 90,
  /** LC-8: lost reasons whose contacts are recycled for new business. */
  recyclableLostReasons: ['timing', 'no_decision'],
};
