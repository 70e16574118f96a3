import { describe, expect, it } from 'vitest';
import { errorFromResponse, parseErrorBody } from '../../../lib/hubspot/error-response';
import {
  HubSpotDailyLimitError,
  HubSpotExpiredError,
  HubSpotMissingScopesError,
  HubSpotNotFoundError,
  HubSpotRateLimitedError,
  HubSpotRequestError,
  HubSpotServerError,
  HubSpotUnauthorizedError,
  HubSpotValidationError,
} from '../../../lib/hubspot/errors';

const request = { method: 'PATCH', path: '/crm/v3/objects/0-3/9001?x=1' };
const NOW = Date.parse('2026-03-07T15:00:00Z');
const json = (body: unknown) => JSON.stringify(body);
const fail = (status: number, body: string, headers: Record<string, string> = {}, timeZone?: string) =>
  errorFromResponse({ status, headers: { 'content-type': 'application/json', ...headers }, text: body, request, now: NOW, timeZone: timeZone ?? null });

describe('errorFromResponse', () => {
  it('401 INVALID_AUTHENTICATION is Unauthorized, EXPIRED_AUTHENTICATION is Expired', () => {
    const bad = fail(401, json({ status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION', correlationId: 'c-1' }));
    expect(bad).toBeInstanceOf(HubSpotUnauthorizedError);
    expect(bad.correlationId).toBe('c-1');
    expect(bad.retryable).toBe(false);
    const old = fail(401, json({ status: 'error', message: 'The OAuth token used to make this call expired.', category: 'EXPIRED_AUTHENTICATION' }));
    expect(old).toBeInstanceOf(HubSpotExpiredError);
    expect(old.kind).toBe('expired');
  });

  it('403 MISSING_SCOPES names the required scopes', () => {
    const e = fail(403, json({
      status: 'error', category: 'MISSING_SCOPES',
      message: "This app hasn't been granted all required scopes to make this call.",
      errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: ['crm.objects.deals.write'] } }],
    }));
    expect(e).toBeInstanceOf(HubSpotMissingScopesError);
    expect((e as HubSpotMissingScopesError).scopes).toEqual(['crm.objects.deals.write']);
    expect(e.message).toContain('crm.objects.deals.write');
    expect(e.toJSON()).toMatchObject({ kind: 'missing-scopes', scopes: ['crm.objects.deals.write'], status: 403 });
  });

  it('404 as JSON and as an HTML page are NotFound', () => {
    expect(fail(404, json({ status: 'error', message: 'resource not found', category: 'OBJECT_NOT_FOUND' }))).toBeInstanceOf(HubSpotNotFoundError);
    const html = errorFromResponse({
      status: 404, headers: { 'content-type': 'text/html; charset=utf-8' },
      text: '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>Not found</body></html>',
      request, now: NOW,
    });
    expect(html).toBeInstanceOf(HubSpotNotFoundError);
    expect(html.message).toContain('HTML');
    expect(parseErrorBody('<html><title>Oops &amp; more</title></html>', 'text/html')).toMatchObject({ html: true, message: 'Oops & more' });
  });

  it('400 names the invalid property from HubSpot\'s embedded list', () => {
    const message = 'Property values were not valid: [{"isValid":false,"message":"bogus was not one of the allowed options","error":"INVALID_OPTION","name":"deal_approval_status"}]';
    const e = fail(400, json({ status: 'error', message, category: 'VALIDATION_ERROR' }));
    expect(e).toBeInstanceOf(HubSpotValidationError);
    const v = e as HubSpotValidationError;
    expect(v.property).toBe('deal_approval_status');
    expect(v.hubspotMessage).toBe('bogus was not one of the allowed options');
    expect(v.details[0]).toMatchObject({ code: 'INVALID_OPTION' });
  });

  it('400 names the property from errors[].context.propertyName or a quoted name', () => {
    const fromContext = fail(400, json({
      status: 'error', message: 'Invalid input', category: 'VALIDATION_ERROR',
      errors: [{ message: 'Property "nope" does not exist', code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: ['nope'] } }],
    })) as HubSpotValidationError;
    expect(fromContext.property).toBe('nope');
    const quoted = fail(400, json({ status: 'error', message: 'Property "rate_range" is read only', category: 'VALIDATION_ERROR' })) as HubSpotValidationError;
    expect(quoted.property).toBe('rate_range');
    const none = fail(400, json({ status: 'error', message: 'limit must be at most 200', category: 'VALIDATION_ERROR' })) as HubSpotValidationError;
    expect(none.property).toBeNull();
    expect(none.hubspotMessage).toBe('limit must be at most 200');
  });

  it('429 TEN_SECONDLY_ROLLING waits Retry-After and exposes the rate-limit headers', () => {
    const e = fail(429, json({ status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' }), {
      'retry-after': '3', 'x-hubspot-ratelimit-max': '100', 'x-hubspot-ratelimit-remaining': '0', 'x-hubspot-ratelimit-interval-milliseconds': '10000',
    }) as HubSpotRateLimitedError;
    expect(e).toBeInstanceOf(HubSpotRateLimitedError);
    expect(e.policy).toBe('TEN_SECONDLY_ROLLING');
    expect(e.retryAfterMs).toBe(3000);
    expect(e.rateLimit).toEqual({ max: 100, remaining: 0, intervalMs: 10_000 });
  });

  it('429 without Retry-After waits the policy window', () => {
    const rolling = fail(429, json({ status: 'error', message: 'You have reached your ten_secondly_rolling limit.', policyName: 'TEN_SECONDLY_ROLLING' }), {
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
    }) as HubSpotRateLimitedError;
    expect(rolling.retryAfterMs).toBe(10_000);
    const secondly = fail(429, json({ status: 'error', message: 'You have reached your secondly limit.' })) as HubSpotRateLimitedError;
    expect(secondly.policy).toBe('SECONDLY');
    expect(secondly.retryAfterMs).toBe(1000);
  });

  it('429 DAILY resets at the portal\'s next midnight, else the next UTC midnight', () => {
    const body = json({ status: 'error', message: 'You have reached your daily limit.', policyName: 'DAILY' });
    const eastern = fail(429, body, {}, 'US/Eastern') as HubSpotDailyLimitError;
    expect(eastern).toBeInstanceOf(HubSpotDailyLimitError);
    // 2026-03-07 10:00 in New York (EST, UTC-5): midnight is 2026-03-08T05:00Z.
    expect(eastern.resetsAt).toBe('2026-03-08T05:00:00.000Z');
    const utc = fail(429, body) as HubSpotDailyLimitError;
    expect(utc.resetsAt).toBe('2026-03-08T00:00:00.000Z');
  });

  it('5xx is a retryable ServerError with its status; other 4xx a RequestError', () => {
    const e = fail(503, json({ status: 'error', message: 'Service Unavailable' }));
    expect(e).toBeInstanceOf(HubSpotServerError);
    expect(e.status).toBe(503);
    expect(e.retryable).toBe(true);
    expect(fail(409, json({ status: 'error', message: 'Conflict', category: 'CONFLICT' }))).toBeInstanceOf(HubSpotRequestError);
  });

  it('survives bodies that are not HubSpot\'s shape', () => {
    expect(fail(500, 'upstream exploded')).toBeInstanceOf(HubSpotServerError);
    expect(fail(500, '')).toBeInstanceOf(HubSpotServerError);
    expect(fail(400, '[1,2]')).toBeInstanceOf(HubSpotValidationError);
  });
});
