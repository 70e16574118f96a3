/**
 * Server-rendered HubSpot look-alike views. `renderRoute` returns the app's
 * main region for a path; the full page wraps it in the shell, the SPA
 * endpoint returns it as JSON so in-page navigation can swap it in place.
 */
import { html, htmlToText, type SafeHtml } from './html';
import {
  associationCards, displayName, keyProperties, recordTypes, stagePath, STANDARD_TYPES, timeline, typeLabels,
  type PageData, type PageObject,
} from './data';

export interface RouteResult {
  status: number;
  title: string;
  main: SafeHtml;
  /** Record pages: `{objectTypeId}/{id}`. */
  record?: string;
}

const LIST_PAGE_SIZE = 100;
const RECORD_PATH = /^\/contacts\/(\d+)\/record\/([0-9]+-[0-9]+)\/(\d+)(?:\/.*)?$/;
const LIST_PATH = /^\/contacts\/(\d+)\/objects\/([0-9]+-[0-9]+)\/views\/([^/]+)\/list\/?$/;

export function recordHref(portalId: number, typeId: string, id: string): string {
  return `/contacts/${portalId}/record/${typeId}/${id}`;
}

export function listHref(portalId: number, typeId: string): string {
  return `/contacts/${portalId}/objects/${typeId}/views/all/list`;
}

function initials(name: string): string {
  const words = name.replace(/<[^>]*>/g, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.slice(0, 2).map((w) => w[0]?.toUpperCase() ?? '').join('') || '?';
}

function notFound(title: string, message: string): RouteResult {
  return {
    status: 404,
    title: `${title} | HubSpot`,
    main: html`<section class="hs-empty" data-sandbox-page="not-found"><h1>${title}</h1><p>${message}</p></section>`,
  };
}

export function renderRoute(data: PageData, pathname: string): RouteResult {
  if (pathname === '/' || pathname === '/index.html') return renderHome(data);
  const record = RECORD_PATH.exec(pathname);
  if (record) {
    const [, portal, typeId, id] = record as unknown as [string, string, string, string];
    if (Number(portal) !== data.portalId) return notFound('No access to this account', `You don't have access to portal ${portal}.`);
    return renderRecord(data, typeId, id);
  }
  const list = LIST_PATH.exec(pathname);
  if (list) {
    const [, portal, typeId] = list as unknown as [string, string, string];
    if (Number(portal) !== data.portalId) return notFound('No access to this account', `You don't have access to portal ${portal}.`);
    return renderList(data, typeId);
  }
  return notFound('Page not found', `Nothing lives at ${pathname}.`);
}

function renderRecord(data: PageData, typeId: string, id: string): RouteResult {
  const labels = typeLabels(data, typeId);
  const obj = labels ? data.get(typeId, id) : undefined;
  if (!labels || !obj || obj.archived) {
    return notFound('Record not found', `This ${labels?.singular.toLowerCase() ?? 'record'} (${typeId}/${id}) doesn't exist or was deleted.`);
  }
  const name = displayName(data, typeId, obj);
  const props = keyProperties(data, typeId, obj);
  const path = stagePath(data, typeId, obj);
  const items = timeline(data, typeId, id);
  const cards = associationCards(data, typeId, id);
  const main = html`<div class="hs-record" data-sandbox-page="record" data-sandbox-record="${typeId}/${id}">
  <aside class="hs-record-left" aria-label="${labels.singular} details">
    <a class="hs-back" data-spa href="${listHref(data.portalId, typeId)}">‹ ${labels.plural}</a>
    <div class="hs-identity">
      <div class="hs-avatar hs-avatar-${typeKind(typeId)}" aria-hidden="true">${initials(name)}</div>
      <h1 class="hs-record-name" data-testid="record-name">${name}</h1>
      ${subtitle(data, typeId, obj)}
    </div>
    <div class="hs-actions" aria-label="Activities">
      ${['Note', 'Email', 'Call', 'Task', 'Meeting'].map((a) => html`<button type="button" class="hs-action" disabled title="Not available in the sandbox"><span class="hs-action-icon">${a[0]}</span>${a}</button>`)}
    </div>
    <section class="hs-card">
      <h2 class="hs-card-title">About this ${labels.singular.toLowerCase()}</h2>
      <dl class="hs-props">
        ${props.map((p) => html`<div class="hs-prop" data-property="${p.name}"><dt>${p.label}</dt><dd>${p.value || '--'}</dd></div>`)}
      </dl>
    </section>
  </aside>
  <main class="hs-record-middle" aria-label="Activity">
    <nav class="hs-tabs"><span class="hs-tab hs-tab-active">Overview</span><span class="hs-tab">Activities</span></nav>
    ${path ? stagePathView(path) : ''}
    <section class="hs-card">
      <h2 class="hs-card-title">Recent activities</h2>
      ${items.length === 0 ? html`<p class="hs-muted">No activities yet.</p>` : ''}
      <ol class="hs-timeline">
        ${items.map((item) => html`<li class="hs-timeline-item hs-timeline-${item.kind}" data-engagement="${item.kind}/${item.id}">
          <div class="hs-timeline-head"><span class="hs-timeline-kind">${item.title}</span><time datetime="${item.timestamp}">${item.when}</time></div>
          ${item.meta.length ? html`<div class="hs-timeline-meta">${item.meta.join(' · ')}</div>` : ''}
          ${item.body ? html`<p class="hs-timeline-body">${item.bodyIsHtml ? htmlToText(item.body) : item.body}</p>` : ''}
        </li>`)}
      </ol>
    </section>
  </main>
  <aside class="hs-record-right" aria-label="Associations">
    ${cards.map((card) => html`<section class="hs-card hs-assoc" data-association="${card.typeId}">
      <h2 class="hs-card-title">${card.label} <span class="hs-count">(${card.records.length})</span></h2>
      ${card.records.length === 0 ? html`<p class="hs-muted">No associated ${card.label.toLowerCase()}.</p>` : ''}
      <ul class="hs-assoc-list">
        ${card.records.map((r) => html`<li>
          <a data-spa href="${recordHref(data.portalId, r.typeId, r.id)}">${r.name}</a>
          ${r.labels.length ? html`<span class="hs-pill">${r.labels.join(', ')}</span>` : ''}
          ${r.detail ? html`<div class="hs-muted">${r.detail}</div>` : ''}
        </li>`)}
      </ul>
    </section>`)}
  </aside>
</div>`;
  return { status: 200, title: `${name} | ${labels.singular} | HubSpot`, main, record: `${typeId}/${id}` };
}

function typeKind(typeId: string): string {
  return STANDARD_TYPES[typeId]?.singular.toLowerCase() ?? 'custom';
}

function subtitle(data: PageData, typeId: string, obj: PageObject): SafeHtml | string {
  const p = (n: string) => (obj.properties[n] ?? '').toString();
  if (typeId === '0-1') return html`<p class="hs-subtitle">${[p('jobtitle'), p('email')].filter(Boolean).join(' · ')}</p>`;
  if (typeId === '0-2') return html`<p class="hs-subtitle">${p('domain')}</p>`;
  const path = stagePath(data, typeId, obj);
  return path ? html`<p class="hs-subtitle">${path.pipeline} · ${path.stages.find((s) => s.current)?.label ?? ''}</p>` : '';
}

function stagePathView(path: NonNullable<ReturnType<typeof stagePath>>): SafeHtml {
  return html`<section class="hs-card hs-stage-path" aria-label="Pipeline ${path.pipeline}">
    <h2 class="hs-card-title">${path.pipeline}</h2>
    <ol class="hs-stages">${path.stages.map((s) => html`<li class="hs-stage${s.current ? ' hs-stage-current' : ''}${s.done ? ' hs-stage-done' : ''}"${s.current ? html` aria-current="step"` : ''}>${s.label}</li>`)}</ol>
  </section>`;
}

function renderList(data: PageData, typeId: string): RouteResult {
  const labels = typeLabels(data, typeId);
  if (!labels) return notFound('Object not found', `There is no object type ${typeId} in this portal.`);
  const all = data.list(typeId).filter((o) => !o.archived);
  // Generated portals hold thousands of records; like HubSpot, show one page.
  const rows = all.slice(0, LIST_PAGE_SIZE);
  const columns = listColumns(typeId);
  const main = html`<section class="hs-list" data-sandbox-page="list" data-sandbox-list="${typeId}">
    <header class="hs-list-head"><h1>${labels.plural}</h1><span class="hs-muted">${all.length} records${all.length > rows.length ? ` (showing the first ${rows.length})` : ''}</span></header>
    <table class="hs-table">
      <thead><tr><th>Name</th>${columns.map((c) => html`<th>${c.label}</th>`)}</tr></thead>
      <tbody>
        ${rows.map((o) => {
          const values = new Map(keyProperties(data, typeId, o).map((r) => [r.name, r.value]));
          return html`<tr data-record-row="${typeId}/${o.id}"><td><a data-spa href="${recordHref(data.portalId, typeId, o.id)}">${displayName(data, typeId, o)}</a></td>${columns.map((c) => html`<td>${values.get(c.name) ?? ''}</td>`)}</tr>`;
        })}
      </tbody>
    </table>
  </section>`;
  return { status: 200, title: `${labels.plural} | HubSpot`, main };

  function listColumns(t: string): Array<{ name: string; label: string }> {
    return keyProperties(data, t, { id: '', properties: {} }).slice(0, 4).map((r) => ({ name: r.name, label: r.label }));
  }
}

function renderHome(data: PageData): RouteResult {
  const types = recordTypes(data);
  const main = html`<section class="hs-home" data-sandbox-page="home">
    <h1>HubSpot sandbox — portal ${data.portalId}</h1>
    <p class="hs-muted">Look-alike record pages served by the local sandbox. Links below open records the way HubSpot does (in-page navigation).</p>
    <div class="hs-home-grid">
      ${types.map((t) => {
        const labels = typeLabels(data, t);
        const records = data.list(t).filter((o) => !o.archived);
        return html`<section class="hs-card" data-home-type="${t}">
          <h2 class="hs-card-title"><a data-spa href="${listHref(data.portalId, t)}">${labels?.plural ?? t}</a> <span class="hs-count">(${records.length})</span></h2>
          <ul class="hs-assoc-list">${records.slice(0, 8).map((o) => html`<li><a data-spa href="${recordHref(data.portalId, t, o.id)}">${displayName(data, t, o)}</a></li>`)}</ul>
        </section>`;
      })}
    </div>
  </section>`;
  return { status: 200, title: 'HubSpot sandbox', main };
}

export function renderShell(data: PageData, route: RouteResult): string {
  const navTypes = recordTypes(data);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${route.title}</title>
<link rel="stylesheet" href="/__pages/app.css">
<script src="/__pages/app.js" defer></script>
</head>
<body>
<header class="hs-nav">
  <a class="hs-logo" data-spa href="/" aria-label="Home"><span class="hs-sprocket" aria-hidden="true"></span>HubSpot</a>
  <nav class="hs-nav-links">${navTypes.map((t) => html`<a data-spa href="${listHref(data.portalId, t)}">${typeLabels(data, t)?.plural ?? t}</a>`)}</nav>
  <input class="hs-search" type="search" placeholder="Search HubSpot" aria-label="Search HubSpot" disabled>
  <span class="hs-portal" title="Portal id">${data.portalId}</span>
</header>
<div id="hs-app-main" class="hs-app-main">${route.main}</div>
</body>
</html>`.value;
}
