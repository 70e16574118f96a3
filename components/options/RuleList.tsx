import { KIND_TEXT, type RuleSection } from '../../lib/options/playbook-summary';

export interface RuleListProps {
  sections: readonly RuleSection[];
}

/** The rules, read-only, one table per SOP document (the first open). */
export function RuleList({ sections }: RuleListProps) {
  return (
    <div class="opt-rules" data-testid="rule-list">
      {sections.map((section, i) => (
        <details class="opt-rules__section" key={section.file ?? section.title} open={i === 0}>
          <summary>
            <span class="opt-rules__title">{section.title}</span>
            <span class="opt-muted"> · {section.rules.length} {section.rules.length === 1 ? 'rule' : 'rules'}</span>
          </summary>
          <div class="opt-table-wrap">
            <table class="opt-table opt-table--rules">
              <caption class="opt-sr-only">Rules from {section.title}</caption>
              <thead>
                <tr>
                  <th scope="col">ID</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Applies to</th>
                </tr>
              </thead>
              <tbody>
                {section.rules.map((rule) => (
                  <tr key={rule.id} data-rule-id={rule.id} class={rule.enabled ? undefined : 'opt-rule--off'}>
                    <td>
                      <code>{rule.id}</code>
                    </td>
                    <td>
                      <span class={`opt-kind-tag opt-kind-tag--${rule.kind}`}>{KIND_TEXT[rule.kind].label}</span>
                    </td>
                    <td>
                      {rule.title}
                      {!rule.required ? <span class="opt-muted"> (recommended)</span> : null}
                      {!rule.enabled ? <span class="opt-muted"> (switched off)</span> : null}
                    </td>
                    <td class="opt-muted">
                      {rule.object}
                      {rule.stage ? `, ${rule.stage}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
    </div>
  );
}
