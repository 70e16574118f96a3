import { describe, expect, test } from 'vitest';
import { CALL_BODY_MAX, emptyDraft, isCheckIn, plainTextToHtml, sanitizeDraft, validateDraft } from '../../../lib/content/call-draft';
import { CONNECTED, NO_ANSWER, callLogSpec } from '../../fixtures/evaluations';

const good = { outcomeId: CONNECTED, type: 'Check In - Call', direction: 'OUTBOUND', body: 'Reviewed denials', when: '2025-03-10T09:30' };

describe('call-log draft rules', () => {
  test('CH-2: Connected + a check-in type + an allowed direction is a check-in', () => {
    expect(isCheckIn(callLogSpec, good)).toBe(true);
    expect(isCheckIn(callLogSpec, { ...good, type: 'Check In - WhatsApp', direction: 'INBOUND' })).toBe(true);
  });

  test('CH-3: another call type, or another outcome, is not a check-in', () => {
    expect(isCheckIn(callLogSpec, { ...good, type: 'Support' })).toBe(false);
    expect(isCheckIn(callLogSpec, { ...good, outcomeId: NO_ANSWER })).toBe(false);
  });

  test('CH-2: outcome, type, direction from the spec and the conversation breakdown are required', () => {
    expect(validateDraft(callLogSpec, good)).toEqual({});
    expect(validateDraft(callLogSpec, emptyDraft(Date.parse('2025-03-10T12:00:00Z')))).toEqual({
      outcomeId: 'Choose the call outcome.',
      type: 'Choose the call type.',
      direction: 'Choose the call direction.',
      body: 'Write the breakdown of the conversation.',
    });
    expect(validateDraft(callLogSpec, { ...good, type: 'Discovery' }).type).toBeDefined();
    expect(validateDraft(callLogSpec, { ...good, body: '   ' }).body).toBeDefined();
    expect(validateDraft(callLogSpec, { ...good, when: 'soon' }).when).toBeDefined();
    expect(validateDraft({ ...callLogSpec, required: [] }, { ...good, body: '' }).body).toBeUndefined();
  });

  test('the call body is escaped for HubSpot’s HTML rendering, and its escaped length is checked', () => {
    expect(plainTextToHtml(`Tom & Jerry's <script>x</script> "q"\r\nline 2\nline 3`)).toBe('Tom &amp; Jerry&#39;s &lt;script&gt;x&lt;/script&gt; &quot;q&quot;<br>line 2<br>line 3');
    expect(validateDraft(callLogSpec, { ...good, body: '<'.repeat(CALL_BODY_MAX / 4 + 1) }).body).toBe('The breakdown is too long for HubSpot; shorten it.');
  });

  test('sanitizeDraft keeps only string fields', () => {
    expect(sanitizeDraft(null, 0)).toBeNull();
    expect(sanitizeDraft({ ...good, body: 5 }, 0)).toMatchObject({ outcomeId: CONNECTED, body: '' });
  });
});
