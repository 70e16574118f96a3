import { describe, expect, test } from 'vitest';
import { ERROR_CODES, appError } from '../../../lib/messages/errors';
import { optionsErrorText } from '../../../lib/options/error-text';

describe('options error texts', () => {
  test.each(ERROR_CODES.map((c) => [c]))('%s has a title and a fix in words', (code) => {
    const text = optionsErrorText(appError(code, 'raw'));
    expect(text.title.length).toBeGreaterThan(10);
    expect(text.fix.length).toBeGreaterThan(10);
    expect(text.title).not.toContain('raw');
  });

  test('a wrong token says where to copy the right one', () => {
    const text = optionsErrorText(appError('invalid-token', '401'));
    expect(text.title).toBe('HubSpot did not accept this token.');
    expect(text.fix).toContain('Private apps');
    expect(text.fix).toContain('pat-');
  });

  test('an expired token says to copy the current one', () => {
    expect(optionsErrorText(appError('expired-token', '401')).title).toBe('The token has expired or was rotated.');
  });

  test('missing scopes name them and where to add them', () => {
    const text = optionsErrorText(appError('missing-scopes', '403', { scopes: ['crm.objects.contacts.write', 'files'] }));
    expect(text.fix).toContain('crm.objects.contacts.write, files');
    expect(text.fix).toContain('Scopes');
    expect(text.fix).toContain('Verify again');
  });

  test('offline and rate limits say what to do', () => {
    expect(optionsErrorText(appError('offline', 'fetch failed')).fix).toContain('api.hubapi.com');
    const limited = optionsErrorText(appError('rate-limited', '429', { retryAt: '2025-03-10T12:00:10.000Z' }));
    expect(limited.title).toContain('rate limiting');
    expect(limited.fix).toMatch(/^Try again after /);
    expect(optionsErrorText(appError('rate-limited', '429')).fix).toContain('API tier');
  });

  test('a token for a portal the policy does not allow names the portal', () => {
    expect(optionsErrorText(appError('wrong-portal', 'x', { tokenPortalId: 999 })).fix).toContain('portal 999');
  });
});
