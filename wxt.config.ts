import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { MANIFEST_KEY } from './lib/extension-key';

// @hubspot/api-client's generated modules `require` Node's url/http/https at
// load time (lib/hubspot/codegen.ts); the browser build gets tiny shims instead.
const hubspotShim = (file: string) => fileURLToPath(new URL(`./lib/hubspot/shims/${file}`, import.meta.url));

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
    resolve: {
      alias: [
        { find: /^url$/, replacement: hubspotShim('url.ts') },
        { find: /^https?$/, replacement: hubspotShim('node-empty.ts') },
      ],
    },
  }),
  manifest: ({ browser }) => ({
    name: 'SOP Sidebar',
    description: "Your company's CRM SOPs next to the HubSpot record you are working on.",
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://api.hubapi.com/*'],
    // storage.managed lets IT push the playbook and settings (public/managed-schema.json).
    ...(browser === 'chrome' ? { key: MANIFEST_KEY, storage: { managed_schema: 'managed-schema.json' } } : {}),
    ...(browser === 'firefox'
      ? { browser_specific_settings: {
          gecko: {
            id: 'sop-sidebar@sop-sidebar.dev',
            strict_min_version: '140.0',
            // The extension sends nothing to us or third parties; HubSpot calls go
            // to the user's own portal with the user's own token.
            data_collection_permissions: { required: ['none'] },
          },
          gecko_android: { strict_min_version: '142.0' },
        } }
      : {}),
  }),
});
