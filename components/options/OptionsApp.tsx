import { useMemo } from 'preact/hooks';
import { bindActions, type OptionsController } from '../../lib/options/controller';
import { useOptionsState } from '../../lib/options/use-options';
import { OptionsPage } from './OptionsPage';

/** The page bound to its controller (re-renders on every state change). */
export function OptionsApp({ controller, adminUrl, now = Date.now }: { controller: OptionsController; adminUrl?: string; now?: () => number }) {
  const state = useOptionsState(controller);
  const actions = useMemo(() => bindActions(controller), [controller]);
  return <OptionsPage state={state} actions={actions} now={now()} adminUrl={adminUrl} />;
}
