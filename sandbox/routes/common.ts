/** Helpers shared by the route modules. */
import type { RouteContext } from '../router';
import type { ApiRequest } from '../http';
import { objectScopes, type ObjectTypeInfo } from '../object-types';
import { unknownObjectType } from '../errors';

/** The object type named by a path parameter, or 400 "Unable to infer object type from: …". */
export function typeParam(ctx: RouteContext, name: string): ObjectTypeInfo {
  const id = ctx.state.resolveType(name);
  const info = id ? ctx.state.typeInfo(id) : undefined;
  if (!info) throw unknownObjectType(name);
  return info;
}

/** Scopes for an object route: read or write scope of the type in `param` (none if unknown: the handler answers 400). */
export function scopesOf(param: string, write: boolean) {
  return (req: ApiRequest, ctx: RouteContext): string[] => {
    const id = ctx.state.resolveType(req.params[param] ?? '');
    const info = id ? ctx.state.typeInfo(id) : undefined;
    return info ? objectScopes(info, write) : [];
  };
}

export const noScopes = (): string[] => [];
export const fixedScopes = (...scopes: string[]) => (): string[] => scopes;

export function nowIso(): string {
  return new Date().toISOString();
}
