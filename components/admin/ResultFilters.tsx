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
      <FilterSelect id="filter-rule" label="Rule" all="All rules" value={filter.ruleId ?? ''} options={choices.rules} onPick={(v) => onFilter({ ruleId: v || undefined })} />
      <FilterSelect
        id="filter-owner"
        label="Owner"
        all="All owners"
        value={owner}
        options={choices.owners}
        onPick={(v) => onFilter({ ownerId: v === '' ? undefined : v === NO_OWNER ? null : v })}
      />
      <FilterSelect id="filter-stage" label="Stage" all="All stages" value={filter.stage ?? ''} options={choices.stages} onPick={(v) => onFilter({ stage: v || undefined })} />
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

interface FilterSelectProps {
  id: string;
  label: string;
  /** The first option, which clears this filter (value ''). */
  all: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onPick: (value: string) => void;
}

/** One labelled select over the loaded rows' distinct values. */
function FilterSelect({ id, label, all, value, options, onPick }: FilterSelectProps) {
  return (
    <div class="adm-field">
      <label for={id}>{label}</label>
      <select id={id} class="adm-input" value={value} onChange={(e) => onPick((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{all}</option>
        {options.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
