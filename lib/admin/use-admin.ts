/** Binds the admin controller to Preact: the page re-renders on every state change. */
import { useEffect, useState } from 'preact/hooks';
import type { AdminController, AdminState } from './admin-controller';

export function useAdminState(controller: AdminController): AdminState {
  const [state, setState] = useState(controller.getState());
  useEffect(() => {
    setState(controller.getState());
    return controller.subscribe(setState);
  }, [controller]);
  return state;
}
