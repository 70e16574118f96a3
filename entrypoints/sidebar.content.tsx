/**
 * The sidebar on HubSpot record pages. Thin: the logic is in lib/content/
 * (mount, navigation, state) and the views in components/.
 */
import '../components/sidebar/sidebar.css';
import { startSidebar } from '../lib/content/mount';

export default defineContentScript({
  // Only HubSpot's app hosts (US and EU); the script itself decides which pages are records.
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  // CSS goes inside the shadow root, never into HubSpot's page.
  cssInjectionMode: 'ui',
  async main(ctx) {
    await startSidebar(ctx);
  },
});
