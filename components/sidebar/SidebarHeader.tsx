export interface SidebarHeaderProps {
  name: string;
  /** Object label ("Deal", "Contact"…), when known. */
  kind: string | null;
  learnMode: boolean;
  refreshing: boolean;
  onRefresh: () => void;
  onCollapse: () => void;
  onToggleLearn: () => void;
}

/** Record name and the sidebar's controls: collapse, refresh, learn mode. */
export function SidebarHeader({ name, kind, learnMode, refreshing, onRefresh, onCollapse, onToggleLearn }: SidebarHeaderProps) {
  return (
    <header class="sop-header">
      <div class="sop-header__top">
        <p class="sop-header__app">SOP Sidebar{kind ? ` · ${kind}` : ''}</p>
        <button type="button" class="sop-button sop-button--ghost" aria-expanded={true} aria-controls="sop-body" onClick={onCollapse} data-action="collapse" aria-label="Collapse SOP Sidebar" title="Collapse">
          <span aria-hidden="true">»</span>
        </button>
      </div>
      <h2 id="sop-record-name">{name}</h2>
      <div class="sop-header__tools">
        <button type="button" class="sop-button" onClick={onRefresh} disabled={refreshing} data-action="refresh" aria-label="Refresh checks">
          <span aria-hidden="true">↻</span> {refreshing ? 'Refreshing' : 'Refresh'}
        </button>
        <button type="button" class="sop-button" aria-pressed={learnMode} onClick={onToggleLearn} data-action="learn-mode">
          Learn mode
        </button>
      </div>
    </header>
  );
}
