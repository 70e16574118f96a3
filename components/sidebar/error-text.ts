/**
 * Every background error in plain words, each with what to do about it.
 * The background's own message is shown as detail under this text.
 */
import type { SidebarError } from '../../lib/content/view-model';
import { formatTime } from './format';

export interface ErrorText {
  title: string;
  fix: string;
  /** The fix is done in the extension's options page. */
  options?: boolean;
  /** Trying again may help now. */
  retry?: boolean;
}

/** Where the options page is, for when the sidebar cannot open it itself. */
export const OPTIONS_PATH = "SOP Sidebar options (browser toolbar → Extensions → SOP Sidebar → Options)";

export function errorText(error: SidebarError): ErrorText {
  switch (error.code) {
    case 'no-token':
      return { title: 'No HubSpot token is set.', fix: `Open the ${OPTIONS_PATH} and paste your HubSpot private app token.`, options: true };
    case 'invalid-token':
      return { title: 'HubSpot did not accept the token.', fix: `Copy the token again from your HubSpot private app and paste it in the ${OPTIONS_PATH}.`, options: true };
    case 'expired-token':
      return { title: 'The HubSpot token has expired.', fix: `Rotate the private app token in HubSpot, then paste the new one in the ${OPTIONS_PATH}.`, options: true };
    case 'wrong-portal':
      return {
        title: 'The token belongs to another HubSpot portal.',
        fix: `This page is in a different portal${error.tokenPortalId ? ` than the token's (${error.tokenPortalId})` : ''}. Set a token for this portal in the ${OPTIONS_PATH}.`,
        options: true,
      };
    case 'missing-scopes':
      return {
        title: 'The token lacks permissions the sidebar needs.',
        fix: `Add these scopes to your HubSpot private app, then update the token in the ${OPTIONS_PATH}: ${error.scopes?.length ? error.scopes.join(', ') : 'see the details below'}.`,
        options: true,
      };
    case 'rate-limited':
      return { title: 'HubSpot is rate limiting requests.', fix: error.retryAt ? `Wait a moment; the sidebar retries at ${formatTime(error.retryAt)}.` : 'Wait a few seconds, then refresh.', retry: true };
    case 'daily-limit':
      return { title: "The portal's daily HubSpot API limit is used up.", fix: error.retryAt ? `It resets at ${formatTime(error.retryAt)}. Cached checks stay available until then.` : 'It resets at midnight in the portal time zone. Cached checks stay available until then.' };
    case 'offline':
      return { title: 'HubSpot cannot be reached.', fix: 'Check your connection; the sidebar retries when it is back. Changes you make are kept and sent later.', retry: true };
    case 'not-found':
      return { title: 'HubSpot did not find this record.', fix: 'It may have been deleted or merged; reload the page.', retry: true };
    case 'validation':
      return { title: 'HubSpot refused the value.', fix: 'Correct the value and save again.' };
    case 'playbook':
      return { title: 'The playbook has a problem.', fix: `Open the ${OPTIONS_PATH}: the playbook check lists what to correct.`, options: true };
    case 'bad-message':
      return { title: 'SOP Sidebar sent a request the background did not accept.', fix: 'Reload this tab; if it keeps happening, report the message below to your admin.', retry: true };
    case 'forbidden':
      return { title: 'The background refused this request from the page.', fix: 'Use the SOP Sidebar options page for this; if it keeps happening, report the message below.' };
    case 'unavailable':
      return { title: 'The SOP Sidebar background is not answering.', fix: 'Reload this tab; if it persists, reload the extension from the browser\'s extensions page.', retry: true };
    case 'extension-updated':
      return { title: 'SOP Sidebar was updated or reloaded.', fix: 'Reload this HubSpot tab to reconnect.' };
    case 'internal':
      return { title: 'Something went wrong in SOP Sidebar.', fix: 'Refresh; if it keeps happening, report the message below to your admin.', retry: true };
  }
}

/** One line, for inline messages under a control. */
export function errorSummary(error: SidebarError): string {
  const text = errorText(error);
  return `${text.title} ${text.fix}`;
}
