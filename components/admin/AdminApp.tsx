import { useEffect, useMemo, useState } from 'preact/hooks';
import { bindAdminActions, type AdminController } from '../../lib/admin/admin-controller';
import { useAdminState } from '../../lib/admin/use-admin';
import { AdminPage } from './AdminPage';

/** The page bound to its controller; the clock ticks each second for "waiting until" and ETA texts. */
export function AdminApp({ controller, optionsUrl, now = Date.now }: { controller: AdminController; optionsUrl: string; now?: () => number }) {
  const state = useAdminState(controller);
  const actions = useMemo(() => bindAdminActions(controller), [controller]);
  const [time, setTime] = useState(now());
  useEffect(() => {
    const id = setInterval(() => setTime(now()), 1_000);
    return () => clearInterval(id);
  }, [now]);
  return <AdminPage state={state} actions={actions} now={time} optionsUrl={optionsUrl} />;
}
