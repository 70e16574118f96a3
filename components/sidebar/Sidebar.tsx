import type { SidebarActions, SidebarModel } from '../../lib/content/view-model';
import { CacheBanner } from './CacheBanner';
import { ErrorPanel } from './ErrorPanel';
import { LoadingSkeleton } from './LoadingSkeleton';
import { NextSteps } from './NextSteps';
import { OutboxList } from './OutboxList';
import { RecordView } from './RecordView';
import { ResizeHandle } from './ResizeHandle';
import { SidebarHeader } from './SidebarHeader';
import { ViewBoundary } from './ViewBoundary';
import { SidebarContext, type SidebarEnv } from './sidebar-context';
import { objectLabel } from './format';
import { recordNames } from './record-names';

export interface SidebarControls {
  toggleCollapsed: () => void;
  resize: (width: number, final: boolean) => void;
  toggleLearnMode: () => void;
}

export interface SidebarProps {
  model: SidebarModel;
  actions: SidebarActions;
  controls: SidebarControls;
}

/**
 * The shell. Its root carries the DOM contract the e2e suite relies on:
 * `data-sop-root`, `data-record="{objectTypeId}/{id}"`, `data-state`.
 */
export function Sidebar({ model, actions, controls }: SidebarProps) {
  const { record, data, error, phase } = model;
  const evaluation = data?.evaluation ?? null;
  const env: SidebarEnv = {
    actions,
    learnMode: model.learnMode,
    portalId: model.portalId,
    record,
    now: model.now,
    names: recordNames(evaluation),
  };
  const openCount = evaluation ? evaluation.findings.filter((f) => f.status === 'violation' || f.status === 'missing').length : 0;
  const rootProps = {
    'data-sop-root': '',
    'data-record': `${record.objectTypeId}/${record.id}`,
    'data-state': phase,
  };

  if (model.ui.collapsed) {
    return (
      <aside class="sop-root sop-root--collapsed" aria-label="SOP Sidebar" data-collapsed="true" {...rootProps}>
        <button
          type="button"
          class="sop-tab"
          onClick={controls.toggleCollapsed}
          aria-expanded={false}
          aria-label={`Open SOP Sidebar${openCount > 0 ? `: ${openCount} open item${openCount === 1 ? '' : 's'}` : ''}`}
          data-action="expand"
        >
          <span class="sop-tab__text" aria-hidden="true">SOP</span>
          {openCount > 0 ? <span class="sop-tab__count" aria-hidden="true">{openCount}</span> : null}
        </button>
      </aside>
    );
  }

  const name = evaluation?.name || (phase === 'loading' ? 'Loading record…' : 'This record');
  // The playbook names custom objects ("Client Hub"); standard ones have their HubSpot label.
  const kind = evaluation?.objectLabel ?? objectLabel(record.objectTypeId);
  return (
    <SidebarContext.Provider value={env}>
      <aside class="sop-root" aria-label="SOP Sidebar" style={{ width: `${model.ui.width}px` }} data-collapsed="false" {...rootProps}>
        <ResizeHandle width={model.ui.width} onResize={controls.resize} />
        <SidebarHeader
          name={name}
          kind={kind === 'Record' ? null : kind}
          learnMode={model.learnMode}
          refreshing={model.refreshing || phase === 'loading'}
          onRefresh={actions.refresh}
          onCollapse={controls.toggleCollapsed}
          onToggleLearn={controls.toggleLearnMode}
        />
        <div class="sop-body" id="sop-body">
          <p class={model.notice ? 'sop-notice' : 'sop-visually-hidden'} role="status" data-notice>
            {model.notice}
          </p>
          {error ? <ErrorPanel error={error} withData={data !== null} /> : null}
          {data ? <CacheBanner meta={data.meta} refreshing={model.refreshing} offline={model.offline} now={model.now} /> : null}
          {data ? <OutboxList entries={data.outbox} /> : null}
          {phase === 'loading' && !data ? <LoadingSkeleton /> : null}
          {evaluation ? (
            <ViewBoundary>
              {model.learnMode ? <NextSteps steps={evaluation.nextSteps} /> : null}
              <RecordView evaluation={evaluation} />
            </ViewBoundary>
          ) : null}
        </div>
      </aside>
    </SidebarContext.Provider>
  );
}
