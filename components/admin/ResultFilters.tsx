import type { RowFilter } from '../../lib/admin/scan-rows';
import { NO_OWNER, type ResultsView } from '../../lib/admin/scan-view';

export interface ResultFiltersProps {
  filter: RowFilter;
  choices: ResultsView['choices'];
  onFilter: (patch: RowFilter) => void;
  onClear: () => void;
}

/** Text search and rule / owner / stage / severity filters over the loaded rows. */
export function ResultFilters({ filter, choices, onFilter, onClear }: ResultFiltersProps) {
  const owner = filter.ownerId === undefined ? '' : filter.ownerId === null ? NO_OWNER : filter.ownerId;
  const any = Object.keys(filter).length > 0;
  return (
    <div class="adm-filters" role="search" aria-label="Filter results">
      <div class="adm-field adm-field--grow">
        <label for="filter-text">Search</label>
        <input
          id="filter-text"
          type="search"
          class="adm-input"
          value={filter.text ?? ''}
          placeholder="Record, rule, owner, stage…"
          onInput={(e) => onFilter({ text: (e.currentTarget as HTMLInputElement).value })}
        />
      </div>
      <div class="adm-field">
        <label for="filter-rule">Rule</label>
        <select id="filter-rule" class="adm-input" value={filter.ruleId ?? ''} onChange={(e) => onFilter({ ruleId: (e.currentTarget as HTMLSelectElement).value || undefined })}>
          <option value="">All rules</option>
          {choices.rules.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div class="adm-field">
        <label for="filter-owner">Owner</label>
        <select
          id="filter-owner"
          class="adm-input"
          value={owner}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            onFilter({ ownerId: v === '' ? undefined : v === NO_OWNER ? null : v });
          }}
        >
          <option value="">All owners</option>
          {choices.owners.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div class="adm-field">
        <label for="filter-stage">Stage</label>
        <select id="filter-stage" class="adm-input" value={filter.stage ?? ''} onChange={(e) => onFilter({ stage: (e.currentTarget as HTMLSelectElement).value || undefined })}>
          <option value="">All stages</option>
          {choices.stages.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div class="adm-field">
        <label for="filter-severity">Severity</label>
        <select
          id="filter-severity"
          class="adm-input"
          value={filter.status ?? ''}
          onChange={(e) => onFilter({ status: ((e.currentTarget as HTMLSelectElement).value || undefined) as RowFilter['status'] })}
        >
          <option value="">Any</option>
          <option value="violation">Required</option>
          <option value="warning">Recommended</option>
        </select>
      </div>
      <button type="button" class="adm-button" disabled={!any} onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
