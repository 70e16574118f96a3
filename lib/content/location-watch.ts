/**
 * Follows HubSpot's SPA navigation. A content script cannot see the page's
 * history.pushState calls (they run in the page's world), so it listens to
 * the Navigation API (`currententrychange` fires after pushState /
 * replaceState / traversal commit) where the browser has it, to WXT's
 * `wxt:locationchange` (Navigation API `navigate`, or URL polling where the
 * API is missing) and to popstate. Every listener goes through `ctx`, so all
 * are removed when the content script is invalidated.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export type ListenCtx = Pick<ContentScriptContext, 'addEventListener' | 'setTimeout'>;

interface NavigationLike extends EventTarget {
  addEventListener: EventTarget['addEventListener'];
}

export function watchLocation(ctx: ListenCtx, win: Window, onChange: (href: string) => void): void {
  let last = win.location.href;
  const report = (href: string) => {
    if (href === last) return;
    last = href;
    onChange(href);
  };
  const check = () => report(win.location.href);

  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    ctx.addEventListener(navigation, 'currententrychange', check);
  }
  // WXT's event comes from `navigate`, before the URL commits (and the navigation may
  // still be cancelled): read the committed URL once the navigation has run.
  ctx.addEventListener(win, 'wxt:locationchange', () => {
    check();
    ctx.setTimeout(check, 0);
  });
  ctx.addEventListener(win, 'popstate', check);
}
