import type { PlaybookInfo } from '../../lib/messages/schemas';
import { formatDateTime, plural } from '../../lib/options/format';
import { KIND_TEXT, type PlaybookSummary } from '../../lib/options/playbook-summary';
import { Badge } from './Badge';

const SOURCE_TEXT: Record<PlaybookInfo['source'], string> = {
  default: 'Default',
  imported: 'Imported',
  managed: 'Set by your administrator',
};

export interface PlaybookSummaryCardProps {
  info: PlaybookInfo;
  summary: PlaybookSummary;
}

/** Which playbook is active: name, company, version, where it comes from, rules by kind. */
export function PlaybookSummaryCard({ info, summary }: PlaybookSummaryCardProps) {
  const { playbook } = info;
  return (
    <div class="opt-playbook" data-testid="playbook-summary" data-playbook-id={playbook.id} data-source={info.source}>
      <div class="opt-playbook__head">
        <div>
          <h3 class="opt-playbook__name">{playbook.name}</h3>
          <p class="opt-muted">
            {playbook.company ? `${playbook.company} · ` : ''}version {playbook.version} · <code>{playbook.id}</code>
          </p>
        </div>
        <Badge tone={info.source === 'managed' ? 'warning' : info.source === 'imported' ? 'ok' : 'neutral'}>{SOURCE_TEXT[info.source]}</Badge>
      </div>
      <dl class="opt-facts">
        <div class="opt-facts__row">
          <dt>Source</dt>
          <dd data-fact="Source">
            {info.source === 'default'
              ? 'Shipped with SOP Sidebar'
              : info.source === 'managed'
                ? 'Your company’s policy'
                : `Imported ${formatDateTime(info.importedAt)}`}
          </dd>
        </div>
        <div class="opt-facts__row">
          <dt>Rules</dt>
          <dd data-fact="Rules">
            {plural(summary.total, 'rule')}
            {summary.enabled !== summary.total ? ` (${summary.total - summary.enabled} switched off)` : ''}
          </dd>
        </div>
      </dl>
      <ul class="opt-kinds" aria-label="Rules by kind">
        {summary.byKind.map(({ kind, count }) => (
          <li key={kind} class="opt-kind" data-kind={kind} title={KIND_TEXT[kind].help}>
            <span class="opt-kind__count">{count}</span> {count === 1 ? KIND_TEXT[kind].label.toLowerCase() : `${KIND_TEXT[kind].label.toLowerCase()}s`}
            <span class="opt-sr-only"> ({KIND_TEXT[kind].help})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
