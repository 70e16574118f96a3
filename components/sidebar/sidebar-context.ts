/**
 * What every view needs besides its own props: the actions the background
 * offers, learn mode, the portal (for record links), the focus record and the
 * clock. Provided once by the shell so leaf views stay small.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RecordRef } from '../../lib/rules/snapshot';
import type { SidebarActions } from '../../lib/content/view-model';

export interface SidebarEnv {
  actions: SidebarActions;
  learnMode: boolean;
  portalId: number;
  record: RecordRef;
  now: number;
  /** Names of related records the evaluation mentions (`{objectTypeId}/{id}` → name), for links and fix targets. */
  names?: ReadonlyMap<string, string>;
}

export const SidebarContext = createContext<SidebarEnv | null>(null);

export function useSidebar(): SidebarEnv {
  const env = useContext(SidebarContext);
  if (!env) throw new Error('Sidebar views must be rendered inside <SidebarContext.Provider>.');
  return env;
}
