/**
 * EVERY import of `@hubspot/api-client` lives in this file.
 *
 * Only the generated API modules SOP Sidebar calls are imported, never the
 * package's `Client`: the whole client is ~540 KB gzip and ~3 s of script
 * evaluation on each service-worker cold start (HUBSPOT-API.md). The deep
 * `lib/codegen/...` paths are not a public contract, so the package version is
 * pinned (package.json) and nothing else in the project may import it.
 *
 * Every module gets our fetch-based HttpLibrary (./transport): the package's
 * own transport is Node's and is never used. wxt.config.ts aliases the Node
 * modules the generated code `require`s at load time (url, http, https,
 * form-data) to ./shims.
 *
 * Only the modules behind the record calls (objects, v4 associations) are
 * used: they carry the request shapes that matter (search, batch, history).
 * The metadata calls are single GETs (pipelines, properties, owners,
 * association labels, files, schemas, account info, call dispositions):
 * ./client.ts sends those through the same transport directly, because their
 * generated modules cost ~50 KB gzip of service worker for one GET each
 * (measured; the background's budget is 150 KB).
 */
import * as objects from '@hubspot/api-client/lib/codegen/crm/objects';
import * as associations from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import { HubSpotServerError } from './errors';
import type { Transport } from './transport';

export type {
  SimplePublicObject,
  SimplePublicObjectWithAssociations,
  BatchResponseSimplePublicObject,
  BatchResponseSimplePublicObjectWithErrors,
  CollectionResponseWithTotalSimplePublicObjectForwardPaging,
  PublicObjectSearchRequest,
  ValueWithTimestamp,
  CollectionResponseAssociatedId,
  StandardError as ObjectsStandardError,
} from '@hubspot/api-client/lib/codegen/crm/objects';
export type {
  MultiAssociatedObjectWithLabel,
  PublicAssociationMultiWithLabel,
  BatchResponsePublicAssociationMultiWithLabel,
  BatchResponsePublicAssociationMultiWithLabelWithErrors,
  StandardError as AssociationsStandardError,
} from '@hubspot/api-client/lib/codegen/crm/associations/v4';

/** What the generated RequestContext offers (identical in every module). */
interface GeneratedRequest {
  getUrl(): string;
  getHttpMethod(): string;
  getHeaders(): Record<string, string>;
  getBody(): unknown;
}

interface GeneratedModule<Response> {
  ResponseContext: new (
    status: number,
    headers: Record<string, string>,
    body: { text(): Promise<string>; binary(): Promise<Buffer> },
  ) => Response;
}

/** An HttpLibrary for one generated module, sending through our transport. */
function httpLibrary<Response>(mod: GeneratedModule<Response>, transport: Transport) {
  return {
    async send(request: GeneratedRequest): Promise<Response> {
      const body = request.getBody();
      if (body !== undefined && typeof body !== 'string') {
        throw new TypeError('Only JSON request bodies are supported.');
      }
      const res = await transport.send({
        url: request.getUrl(),
        method: request.getHttpMethod(),
        headers: request.getHeaders(),
        ...(body === undefined ? {} : { body }),
      });
      const text = res.text;
      const type = res.headers['content-type'];
      if (text !== '' && type !== undefined && !/json/i.test(type)) {
        throw new HubSpotServerError({
          status: res.status,
          request: { method: request.getHttpMethod(), path: new URL(request.getUrl()).pathname },
          message: `HubSpot answered ${res.status} with ${type} instead of JSON`,
        });
      }
      // The generated parser refuses a body without a media type; HubSpot always sends JSON.
      const headers = { 'content-type': 'application/json', ...res.headers };
      return new mod.ResponseContext(res.status, headers, {
        text: () => Promise.resolve(text),
        // Only file downloads read bytes; none of our calls do.
        binary: () => Promise.resolve(new TextEncoder().encode(text) as unknown as Buffer),
      });
    },
  };
}

export interface CodegenApis {
  objects: { basic: objects.BasicApi; batch: objects.BatchApi; search: objects.SearchApi };
  associations: { basic: associations.BasicApi; batch: associations.BatchApi };
}

/** The generated APIs, configured for one token, base URL and transport. */
export function createCodegenApis(transport: Transport): CodegenApis {
  const { baseUrl, token } = transport.options;
  const base = baseUrl.replace(/\/+$/, '');
  const authMethods = { oauth2: { accessToken: token } };

  const objectsConfig = objects.createConfiguration({
    baseServer: new objects.ServerConfiguration(base, {}),
    httpApi: objects.wrapHttpLibrary(httpLibrary(objects, transport)),
    authMethods,
  });
  const associationsConfig = associations.createConfiguration({
    baseServer: new associations.ServerConfiguration(base, {}),
    httpApi: associations.wrapHttpLibrary(httpLibrary(associations, transport)),
    authMethods,
  });

  return {
    objects: {
      basic: new objects.BasicApi(objectsConfig),
      batch: new objects.BatchApi(objectsConfig),
      search: new objects.SearchApi(objectsConfig),
    },
    associations: {
      basic: new associations.BasicApi(associationsConfig),
      batch: new associations.BatchApi(associationsConfig),
    },
  };
}
