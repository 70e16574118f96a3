// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The engine and the playbook are pure: they take data and return data, so the
 * same code runs in the service worker, in Node tests and in the admin scan.
 * Anything that reaches the browser, the DOM, the network or storage is banned
 * there, by import and by global.
 */
const impureModules = [
  'wxt', 'wxt/*', '#imports', '@wxt-dev/*', 'webextension-polyfill',
  '@hubspot/api-client', '@hubspot/api-client/*', 'idb', 'idb/*',
  'preact', 'preact/*', 'node:*', 'fs', 'http', 'https', 'net', 'path',
  '**/hubspot/**', '**/background/**', '**/storage/**', '**/components/**', '**/entrypoints/**',
];
const impureGlobals = [
  'window', 'document', 'navigator', 'location', 'history', 'fetch', 'XMLHttpRequest',
  'WebSocket', 'EventSource', 'localStorage', 'sessionStorage', 'indexedDB', 'caches',
  'chrome', 'browser', 'self', 'importScripts', 'setTimeout', 'setInterval', 'process',
  'require', 'Request', 'Response', 'Headers', 'performance', 'crypto',
].map((name) => ({ name, message: 'lib/rules and lib/playbook are pure: pass data in instead.' }));

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'dist/', 'demo-screenshots/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['lib/rules/**/*.ts', 'lib/playbook/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: impureModules.map((group) => ({ group: [group], message: 'lib/rules and lib/playbook are pure (no browser, DOM, network, storage, wxt or HubSpot client).' })) }],
      'no-restricted-globals': ['error', ...impureGlobals],
    },
  },
);
