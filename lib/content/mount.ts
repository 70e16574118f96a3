/**
 * The sidebar on the page: one `<sop-sidebar>` shadow-root UI (open shadow
 * root, CSS inside it) attached to <body>, shown only on record pages of
 * objects the playbook governs, re-rendered from the ViewStore, keyed by
 * record so nothing of the previous record survives a switch.
 *
 * Everything registered here goes through `ctx`, so invalidation (extension
 * update/reload) removes the UI, the page margin, the listeners and timers.
 */
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Sidebar, type SidebarControls } from '../../components/sidebar/Sidebar';
import { createDraftStore, type KeyValueArea } from './drafts';
import { watchLocation } from './location-watch';
import { createContentSend, parsePush } from './messaging';
import { createPageSpace } from './page-space';
import { parseRecordUrl } from './record-url';
import { SIDEBAR_TAB_WIDTH } from './view-model';
import { ViewStore } from './view-store';

/** The custom element hosting the shadow root (the e2e DOM contract). */
export const HOST_NAME = 'sop-sidebar';
/** Wait this long for the first answer before showing the loading state (no flash on ungoverned records). */
export const REVEAL_AFTER_MS = 400;
/** Re-render this often while shown, so "cached n minutes ago" stays true. */
const CLOCK_MS = 30_000;
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export async function startSidebar(ctx: ContentScriptContext): Promise<void> {
  const send = createContentSend((message) => browser.runtime.sendMessage(message));
  const store = new ViewStore({
    send,
    now: () => Date.now(),
    drafts: createDraftStore(browser.storage.local as unknown as KeyValueArea, () => Date.now()),
    // Content scripts cannot open the options page themselves (runtime.openOptionsPage is
    // background/page-only): the background opens it for the error panels' button.
    openOptions: () => void send({ type: 'options.open' }),
  });
  const pageSpace = createPageSpace(document.body);
  let container: HTMLElement | null = null;
  let mounted = false;

  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: HOST_NAME,
    mode: 'open',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Keys typed in the sidebar must not trigger HubSpot's shortcuts.
    isolateEvents: [...ISOLATED_EVENTS],
    onMount: (uiContainer) => {
      container = uiContainer;
      return uiContainer;
    },
    onRemove: (el) => {
      if (el) render(null, el);
      container = null;
      pageSpace.release();
    },
  });
  // Also at the host itself, for events that reach it from anywhere in the shadow tree.
  for (const type of ISOLATED_EVENTS) ctx.addEventListener(ui.shadowHost, type, (event: Event) => event.stopPropagation());
  ctx.onInvalidated(() => pageSpace.release());

  const controls: SidebarControls = {
    toggleCollapsed: () => store.setCollapsed(!store.uiPrefs().collapsed),
    resize: (width, final) => store.setWidth(width, final),
    toggleLearnMode: () => store.setLearnMode(!(store.model()?.learnMode ?? false)),
  };

  let revealTimerFor: string | null = null;
  const update = () => {
    if (ctx.isInvalid) return;
    const visibility = store.visibility();
    const key = store.key;
    if (visibility === 'pending' && key && revealTimerFor !== key) {
      revealTimerFor = key;
      ctx.setTimeout(() => store.reveal(key), REVEAL_AFTER_MS);
    }
    const model = store.model();
    const actions = store.actions();
    if (!model || !actions) {
      if (mounted) {
        ui.remove();
        mounted = false;
      }
      return;
    }
    if (!mounted) {
      ui.mount();
      mounted = true;
    }
    if (!container) return;
    // Keyed by record: a switch starts every view fresh (no form state or data of the last record).
    render(h(Sidebar, { key: `${model.portalId}:${model.record.objectTypeId}/${model.record.id}`, model, actions, controls }), container);
    pageSpace.reserve(model.ui.collapsed ? SIDEBAR_TAB_WIDTH : model.ui.width);
  };
  store.subscribe(update);

  const onMessage = (message: unknown): undefined => {
    const push = parsePush(message);
    if (push) store.handlePush(push);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  watchLocation(ctx, window, (href) => store.navigate(parseRecordUrl(href)));
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') store.recheck();
  });
  ctx.setInterval(() => {
    if (mounted) update();
  }, CLOCK_MS);

  store.navigate(parseRecordUrl(window.location.href));
  await store.init();
}
