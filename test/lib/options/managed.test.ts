import { describe, expect, test } from 'vitest';
import { managedView } from '../../../lib/options/managed';
import { info, settings } from './fixtures';

describe('managed policy view', () => {
  test('no policy: nothing locked', () => {
    const view = managedView(settings(), info());
    expect(view).toMatchObject({ apiTier: false, learnEnabled: false, learnDays: false, playbook: false, playbookIgnored: false, allowedPortalIds: null, any: false });
  });

  test('each managed key locks its control', () => {
    const view = managedView(settings({ managed: ['apiTier', 'learnMode.days', 'allowedPortalIds'], allowedPortalIds: [4471200] }), info());
    expect(view).toMatchObject({ apiTier: true, learnEnabled: false, learnDays: true, allowedPortalIds: [4471200], any: true });
  });

  test('a managed playbook locks the playbook; a policy playbook that is not active was ignored', () => {
    expect(managedView(settings({ managed: ['playbook'] }), info(undefined, { source: 'managed' }))).toMatchObject({ playbook: true, playbookIgnored: false });
    expect(managedView(settings({ managed: ['playbook'] }), info())).toMatchObject({ playbook: false, playbookIgnored: true });
  });
});
