/**
 * EVERY import of `@hubspot/api-client` lives in this file.
 *
 * Only the generated API modules SOP Sidebar calls are imported, never the
 * package's `Client`: the whole client is ~540 KB gzip and ~3 s of script
 * evaluation on each service-worker cold start (HUBSPOT-API.md). The deep
 * `lib/codegen/...` paths are not a public contract, so the package version is
 * pinned (package.json) and nothing else in the project may import it.
 *
 * From each generated module only the request factories (which build the
 * request: path, query, body, auth) and response processors (which parse and
 * type the answer) are used; requests go through our fetch-based transport
 * (./transport). The package's own transport is Node's and is never used, and
 * its Observable/Promise API layers are not loaded. wxt.config.ts aliases the Node
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
// Deep imports of the request factories and response processors: the packages' index modules
// also pull in their Observable/Promise API layers (~38 KB of service worker for nothing we use).
import { BasicApiRequestFactory as ObjectsBasicRequests, BasicApiResponseProcessor as ObjectsBasicResponses } from '@hubspot/api-client/lib/codegen/crm/objects/apis/BasicApi';
import { BatchApiRequestFactory as ObjectsBatchRequests, BatchApiResponseProcessor as ObjectsBatchResponses } from '@hubspot/api-client/lib/codegen/crm/objects/apis/BatchApi';
import { SearchApiRequestFactory as ObjectsSearchRequests, SearchApiResponseProcessor as ObjectsSearchResponses } from '@hubspot/api-client/lib/codegen/crm/objects/apis/SearchApi';
import { createConfiguration as objectsConfiguration } from '@hubspot/api-client/lib/codegen/crm/objects/configuration';
import { ServerConfiguration as ObjectsServer } from '@hubspot/api-client/lib/codegen/crm/objects/servers';
import { ResponseContext as ObjectsResponse } from '@hubspot/api-client/lib/codegen/crm/objects/http/http';
import { BasicApiRequestFactory as AssocBasicRequests, BasicApiResponseProcessor as AssocBasicResponses } from '@hubspot/api-client/lib/codegen/crm/associations/v4/apis/BasicApi';
import { BatchApiRequestFactory as AssocBatchRequests, BatchApiResponseProcessor as AssocBatchResponses } from '@hubspot/api-client/lib/codegen/crm/associations/v4/apis/BatchApi';
import { createConfiguration as associationsConfiguration } from '@hubspot/api-client/lib/codegen/crm/associations/v4/configuration';
import { ServerConfiguration as AssocServer } from '@hubspot/api-client/lib/codegen/crm/associations/v4/servers';
import { ResponseContext as AssocResponse } from '@hubspot/api-client/lib/codegen/crm/associations/v4/http/http';
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
} from '@hubspot/api-client/lib/codegen/crm/objects/models/all';
export type {
  MultiAssociatedObjectWithLabel,
  PublicAssociationMultiWithLabel,
  BatchResponsePublicAssociationMultiWithLabel,
  BatchResponsePublicAssociationMultiWithLabelWithErrors,
  StandardError as AssociationsStandardError,
} from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/all';

/** What the generated RequestContext offers (identical in every module). */
interface GeneratedRequest {
  getUrl(): string;
  getHttpMethod(): string;
  getHeaders(): Record<string, string>;
  getBody(): unknown;
}

type ResponseContextClass<Response> = new (
  status: number,
  headers: Record<string, string>,
  body: { text(): Promise<string>; binary(): Promise<Buffer> },
) => Response;

/** Sends a generated request through our transport and wraps the answer for the generated parser. */
function sender<Response>(ResponseContext: ResponseContextClass<Response>, transport: Transport) {
  return async (request: GeneratedRequest): Promise<Response> => {
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
    return new ResponseContext(res.status, headers, {
      text: () => Promise.resolve(text),
      // Only file downloads read bytes; none of our calls do.
      binary: () => Promise.resolve(new TextEncoder().encode(text) as unknown as Buffer),
    });
  };
}

/** Build the request (factory), send it, parse the answer (processor): what the generated API classes do, minus their layers. */
function call<Response>(send: (r: GeneratedRequest) => Promise<Response>) {
  return async <Data>(request: Promise<GeneratedRequest>, parse: (r: Response) => Promise<{ data: Data }>): Promise<Data> => (await parse(await send(await request))).data;
}

type Args<F> = F extends (...args: infer A) => unknown ? A : never;
type Data<F> = F extends (r: never) => Promise<{ data: infer D }> ? D : never;

export interface CodegenApis {
  objects: {
    basic: {
      getById(...a: Args<ObjectsBasicRequests['getById']>): Promise<Data<ObjectsBasicResponses['getByIdWithHttpInfo']>>;
      update(...a: Args<ObjectsBasicRequests['update']>): Promise<Data<ObjectsBasicResponses['updateWithHttpInfo']>>;
      create(...a: Args<ObjectsBasicRequests['create']>): Promise<Data<ObjectsBasicResponses['createWithHttpInfo']>>;
    };
    batch: { read(...a: Args<ObjectsBatchRequests['read']>): Promise<Data<ObjectsBatchResponses['readWithHttpInfo']>> };
    search: { doSearch(...a: Args<ObjectsSearchRequests['doSearch']>): Promise<Data<ObjectsSearchResponses['doSearchWithHttpInfo']>> };
  };
  associations: {
    basic: {
      getPage(...a: Args<AssocBasicRequests['getPage']>): Promise<Data<AssocBasicResponses['getPageWithHttpInfo']>>;
      create(...a: Args<AssocBasicRequests['create']>): Promise<Data<AssocBasicResponses['createWithHttpInfo']>>;
    };
    batch: { getPage(...a: Args<AssocBatchRequests['getPage']>): Promise<Data<AssocBatchResponses['getPageWithHttpInfo']>> };
  };
}

/** The generated request builders and parsers, configured for one token, base URL and transport. */
export function createCodegenApis(transport: Transport): CodegenApis {
  const { baseUrl, token } = transport.options;
  const base = baseUrl.replace(/\/+$/, '');
  const authMethods = { oauth2: { accessToken: token } };
  // httpApi is required by the configuration type but never used: requests go through `sender`.
  const unused = { send: () => Promise.reject(new Error('not used')) } as never;
  const oc = objectsConfiguration({ baseServer: new ObjectsServer(base, {}), httpApi: unused, authMethods });
  const ac = associationsConfiguration({ baseServer: new AssocServer(base, {}), httpApi: unused, authMethods });
  const o = call(sender(ObjectsResponse, transport));
  const a = call(sender(AssocResponse, transport));
  const ob = { req: new ObjectsBasicRequests(oc), res: new ObjectsBasicResponses() };
  const obt = { req: new ObjectsBatchRequests(oc), res: new ObjectsBatchResponses() };
  const os = { req: new ObjectsSearchRequests(oc), res: new ObjectsSearchResponses() };
  const ab = { req: new AssocBasicRequests(ac), res: new AssocBasicResponses() };
  const abt = { req: new AssocBatchRequests(ac), res: new AssocBatchResponses() };
  return {
    objects: {
      basic: {
        getById: (...x) => o(ob.req.getById(...x), (r) => ob.res.getByIdWithHttpInfo(r)),
        update: (...x) => o(ob.req.update(...x), (r) => ob.res.updateWithHttpInfo(r)),
        create: (...x) => o(ob.req.create(...x), (r) => ob.res.createWithHttpInfo(r)),
      },
      batch: { read: (...x) => o(obt.req.read(...x), (r) => obt.res.readWithHttpInfo(r)) },
      search: { doSearch: (...x) => o(os.req.doSearch(...x), (r) => os.res.doSearchWithHttpInfo(r)) },
    },
    associations: {
      basic: {
        getPage: (...x) => a(ab.req.getPage(...x), (r) => ab.res.getPageWithHttpInfo(r)),
        create: (...x) => a(ab.req.create(...x), (r) => ab.res.createWithHttpInfo(r)),
      },
      batch: { getPage: (...x) => a(abt.req.getPage(...x), (r) => abt.res.getPageWithHttpInfo(r)) },
    },
  };
}
