/**
 * A tiny path router: patterns like `/crm/v3/objects/:type/:id`, a trailing
 * slash ignored (HubSpot serves `/crm/v3/owners/` and `/crm/v3/owners` alike),
 * first match wins (literal routes are listed before parameter routes).
 */
import type { SeedToken } from './seed/types';
import type { SandboxState } from './state';
import type { Faults } from './faults';
import type { ApiRequest } from './http';
import type { ApiResponse } from './errors';

export interface RouteContext {
  state: SandboxState;
  faults: Faults;
}

export interface Route {
  method: string;
  pattern: string;
  /** Counts against the search per-second budget; no rate-limit headers. */
  search?: boolean;
  /** Scopes of which the token needs one (empty: any valid token). */
  scopes(req: ApiRequest, ctx: RouteContext): string[];
  handle(req: ApiRequest & { token: SeedToken }, ctx: RouteContext): ApiResponse;
}

export type RouteMatch = { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | undefined;

function segments(path: string): string[] {
  return path.split('/').filter((s, i, all) => s !== '' || (i > 0 && i < all.length - 1));
}

export class Router {
  constructor(private readonly routes: Route[]) {}

  match(method: string, path: string): RouteMatch {
    const parts = segments(path);
    let pathMatched = false;
    for (const route of this.routes) {
      const pat = segments(route.pattern);
      if (pat.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < pat.length; i++) {
        const p = pat[i] as string;
        const v = parts[i] as string;
        if (p.startsWith(':')) {
          if (v === '') {
            ok = false;
            break;
          }
          params[p.slice(1)] = decodeURIComponent(v);
        } else if (p !== v) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      pathMatched = true;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, params };
    }
    return pathMatched ? { methodNotAllowed: true } : undefined;
  }
}
