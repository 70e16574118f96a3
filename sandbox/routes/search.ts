/** `POST /crm/v3/objects/{type}/search` → `{total, results, paging?:{next:{after}}}` (no paging on the last page). */
import type { Route } from '../router';
import { parseSearch, runSearch } from '../search';
import { serializeObject } from '../serialize';
import { scopesOf, typeParam } from './common';

export const searchRoute: Route = {
  method: 'POST',
  pattern: '/crm/v3/objects/:type/search',
  search: true,
  scopes: scopesOf('type', false),
  handle(req, ctx) {
    const info = typeParam(ctx, req.params.type as string);
    const q = parseSearch(req.body);
    const r = runSearch(ctx.state, info.objectTypeId, q, ctx.faults.searchLagMs);
    const body: Record<string, unknown> = {
      total: r.total,
      results: r.page.map((p) => serializeObject(ctx.state, p.obj, { properties: q.properties }, p.properties)),
    };
    if (r.nextAfter !== undefined) body.paging = { next: { after: String(r.nextAfter) } };
    return { status: 200, body };
  },
};
