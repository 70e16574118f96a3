import { Component, type ComponentChildren } from 'preact';
import { ErrorPanel } from './ErrorPanel';

interface State {
  error: string | null;
}

/**
 * Catches a rendering error in a record view (an Evaluation the sidebar
 * cannot draw) and says so plainly instead of leaving a blank sidebar.
 */
export class ViewBoundary extends Component<{ children: ComponentChildren }, State> {
  override state: State = { error: null };

  static override getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.error !== null) {
      return <ErrorPanel error={{ code: 'internal', message: `The sidebar could not show this record: ${this.state.error}` }} withData={false} />;
    }
    return this.props.children;
  }
}
