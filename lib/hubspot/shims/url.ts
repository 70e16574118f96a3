/**
 * Browser stand-in for Node's `url` module. The generated HubSpot API modules
 * only use `new URL(...)` and `url.searchParams`, which the platform provides;
 * wxt.config.ts aliases `url` here so no Node polyfill reaches the bundle.
 */
export const URL = globalThis.URL;
export const URLSearchParams = globalThis.URLSearchParams;
export default { URL, URLSearchParams };
