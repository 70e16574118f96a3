/**
 * HubSpot's error bodies: `{status:"error", message, correlationId, category,
 * subCategory?, context?, errors?}` (shared/HUBSPOT-API.md), and the HTML 404
 * HubSpot's edge answers for paths it does not route.
 */
import { randomUUID } from 'node:crypto';

export interface ApiResponse {
  status: number;
  /** JSON body (omitted for 204). */
  body?: unknown;
  /** A text/html body instead of JSON. */
  html?: string;
  headers?: Record<string, string>;
}

export interface ErrorExtra {
  subCategory?: string;
  context?: Record<string, unknown>;
  errors?: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

export function errorBody(message: string, category: string, extra: ErrorExtra = {}): Record<string, unknown> {
  const body: Record<string, unknown> = { status: 'error', message, correlationId: randomUUID(), category };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) body[k] = v;
  return body;
}

export function apiError(status: number, message: string, category: string, extra: ErrorExtra = {}): ApiResponse {
  return { status, body: errorBody(message, category, extra) };
}

/** Thrown by handlers to answer an error; the server turns it into the response. */
export class HttpError extends Error {
  constructor(readonly response: ApiResponse) {
    super(typeof (response.body as { message?: unknown } | undefined)?.message === 'string' ? (response.body as { message: string }).message : `HTTP ${response.status}`);
  }
}

export function validationError(message: string, extra: ErrorExtra = {}): HttpError {
  return new HttpError(apiError(400, message, 'VALIDATION_ERROR', extra));
}

/** `resource not found` 404, as HubSpot answers unknown record ids. */
export function objectNotFound(message = 'resource not found', extra: ErrorExtra = {}): HttpError {
  return new HttpError(apiError(404, message, 'OBJECT_NOT_FOUND', extra));
}

/** HubSpot answers `/crm/v3/objects/{unknown}/…` with 400 "Unable to infer object type from: …". */
export function unknownObjectType(name: string): HttpError {
  return validationError(`Unable to infer object type from: ${name}`);
}

export function htmlPage(status: number, title: string, text: string): ApiResponse {
  const html = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><h1>${title}</h1><p>${text}</p></body></html>\n`;
  return { status, html };
}

/** The HTML page HubSpot answers for an unknown API path. */
export function notFoundHtml(): ApiResponse {
  return htmlPage(404, 'HTTP 404 Not Found', 'The requested resource could not be found.');
}
