import { describe, expect, test } from 'vitest';
import { parseRecordUrl, targetKey } from '../../../lib/content/record-url';

describe('parseRecordUrl', () => {
  test.each([
    ['https://app.hubspot.com/contacts/4471200/record/0-3/9001', 4471200, '0-3', '9001'],
    ['https://app-eu1.hubspot.com/contacts/4471200/record/0-1/12', 4471200, '0-1', '12'],
    ['https://app.hubspot.com/contacts/4471200/record/2-9000101/42/', 4471200, '2-9000101', '42'],
    ['https://app.hubspot.com/contacts/4471200/record/0-2/7/view/1?tab=about#x', 4471200, '0-2', '7'],
    ['https://app.hubspot.com/contacts/4471200/deal/9001', 4471200, '0-3', '9001'],
    ['https://app.hubspot.com/contacts/4471200/contact/5', 4471200, '0-1', '5'],
    ['https://app.hubspot.com/contacts/4471200/company/6/', 4471200, '0-2', '6'],
    ['https://app.hubspot.com/contacts/4471200/ticket/8', 4471200, '0-5', '8'],
  ])('%s is a record page', (url, portalId, objectTypeId, id) => {
    expect(parseRecordUrl(url)).toEqual({ portalId, ref: { objectTypeId, id } });
  });

  test.each([
    'https://app.hubspot.com/contacts/4471200/objects/0-1/views/all/list',
    'https://app.hubspot.com/contacts/4471200/deals/list/view/all',
    'https://app.hubspot.com/contacts/4471200/record/0-3',
    'https://app.hubspot.com/contacts/4471200/record/deal/9001',
    'https://app.hubspot.com/contacts/4471200/record/0-3/abc',
    'https://app.hubspot.com/contacts/4471200/widget/9001',
    'https://app.hubspot.com/contacts/abc/record/0-3/9001',
    'https://app.hubspot.com/reports-dashboard/4471200/view/1',
    'https://app.hubspot.com/',
    'http://app.hubspot.com/contacts/4471200/record/0-3/9001',
    'https://evil.example/contacts/4471200/record/0-3/9001',
    'https://app.hubspot.com.evil.example/contacts/4471200/record/0-3/9001',
    'https://api.hubapi.com/contacts/4471200/record/0-3/9001',
    'not a url',
  ])('%s is not a record page', (url) => {
    expect(parseRecordUrl(url)).toBeNull();
  });

  test('accepts URL objects and keys targets by portal and record', () => {
    const t = parseRecordUrl(new URL('https://app.hubspot.com/contacts/1/record/0-3/2'));
    expect(targetKey(t)).toBe('1:0-3/2');
    expect(targetKey(null)).toBeNull();
    expect(targetKey(parseRecordUrl('https://app.hubspot.com/contacts/1/record/0-3/3'))).not.toBe(targetKey(t));
  });
});
