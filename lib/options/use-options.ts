/** Binds the options controller to Preact: the component re-renders on every state change. */
import { useEffect, useState } from 'preact/hooks';
import type { OptionsController, OptionsState } from './controller';

export function useOptionsState(controller: OptionsController): OptionsState {
  const [state, setState] = useState(controller.getState());
  useEffect(() => {
    setState(controller.getState());
    return controller.subscribe(setState);
  }, [controller]);
  return state;
}
