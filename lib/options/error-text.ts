/**
 * Every AppError in plain words for the options page, each with what to do
 * here (the sidebar has its own wording: it sends people to this page).
 * The background's own message is shown under it as detail.
 */
import type { AppError } from '../messages/errors';
import { formatTime } from './format';

export interface OptionsErrorText {
  title: string;
  fix: string;
}

/** Where a private app's token is in HubSpot (the same in every portal). */
export const TOKEN_WHERE = 'HubSpot → Settings → Integrations → Private apps → your app → Auth';

export function optionsErrorText(error: AppError): OptionsErrorText {
  switch (error.code) {
    case 'no-token':
      return { title: 'No HubSpot token is saved.', fix: 'Paste your private app’s access token under “HubSpot token” and choose Verify and save.' };
    case 'invalid-token':
      return {
        title: 'HubSpot did not accept this token.',
        fix: `Copy the access token again from ${TOKEN_WHERE} (it starts with “pat-”), paste all of it, and try again.`,
      };
    case 'expired-token':
      return {
        title: 'The token has expired or was rotated.',
        fix: `Copy the current access token from ${TOKEN_WHERE} and save it here.`,
      };
    case 'wrong-portal':
      return {
        title: 'This token belongs to a portal that cannot be used here.',
        fix: `${error.tokenPortalId ? `The token is for portal ${error.tokenPortalId}. ` : ''}Use a token of a portal your company allows (see the policy note below), or ask your administrator.`,
      };
    case 'missing-scopes':
      return {
        title: 'The private app lacks scopes.',
        fix: `In ${TOKEN_WHERE.replace(' → Auth', ' → Scopes')}, add ${error.scopes?.length ? error.scopes.join(', ') : 'the scopes listed below'}, commit the change, then choose Verify again.`,
      };
    case 'rate-limited':
      return {
        title: 'HubSpot is rate limiting requests from this portal.',
        fix: error.retryAt ? `Try again after ${formatTime(error.retryAt)}. If it happens often, check the API tier below.` : 'Wait a few seconds and try again. If it happens often, check the API tier below.',
      };
    case 'daily-limit':
      return {
        title: 'The portal’s daily HubSpot API limit is used up.',
        fix: error.retryAt ? `It resets at ${formatTime(error.retryAt)}; try again then.` : 'It resets at midnight; try again then.',
      };
    case 'offline':
      return {
        title: 'HubSpot cannot be reached.',
        fix: 'Check your internet connection (and any proxy or firewall that blocks api.hubapi.com), then try again.',
      };
    case 'not-found':
      return { title: 'HubSpot did not find what was asked for.', fix: 'Try again; if it keeps happening, report the details below.' };
    case 'validation':
      return { title: 'The values were refused.', fix: 'Correct the fields listed below and try again.' };
    case 'playbook':
      return { title: 'The playbook cannot be used.', fix: 'Correct the problems listed below; the active playbook was not changed.' };
    case 'bad-message':
      return { title: 'The background refused the request as malformed.', fix: 'Reload this page; if it keeps happening, report the details below.' };
    case 'forbidden':
      return { title: 'This change is not allowed here.', fix: 'It is usually fixed by your company’s policy; ask your administrator. Details below.' };
    case 'unavailable':
      return { title: 'The SOP Sidebar background is not answering.', fix: 'Reload this page; if it persists, reload the extension from the browser’s extensions page.' };
    case 'extension-updated':
      return { title: 'SOP Sidebar was updated or reloaded.', fix: 'Reload this page to reconnect.' };
    case 'internal':
      return { title: 'Something went wrong in SOP Sidebar.', fix: 'Try again; if it keeps happening, report the details below.' };
  }
}
