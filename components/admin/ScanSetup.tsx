/**
 * Scan setup: which objects, which of their pipelines, which rules (each
 * object's rules with a "select all"). Only rules with a failing state are
 * offered (guides and views have nothing to report).
 */
import type { AdminActions } from '../../lib/admin/admin-controller';
import { choiceProblem, chosenRules, ruleInScope, type SetupChoice, type SetupObject } from '../../lib/admin/scan-setup';
import { count } from '../../lib/admin/scan-text';
import { Checkbox } from './Checkbox';

export interface ScanSetupProps {
  model: SetupObject[];
  choice: SetupChoice;
  /** A scan is under way: the setup is read-only until it ends. */
  locked: boolean;
  busy: boolean;
  actions: Pick<AdminActions, 'toggleObject' | 'toggleRules' | 'togglePipeline' | 'startScan'>;
}

export function ScanSetup({ model, choice, locked, busy, actions }: ScanSetupProps) {
  const rules = chosenRules(model, choice);
  const problem = choiceProblem(model, choice);
  const allRules = model.flatMap((o) => o.rules);
  const piped = model.filter((o) => o.pipelines.length > 0 && choice.objects.includes(o.alias));
  return (
    <form
      class="adm-setup"
      onSubmit={(e) => {
        e.preventDefault();
        void actions.startScan();
      }}
    >
      <fieldset class="adm-fieldset" disabled={locked}>
        <legend>Objects</legend>
        <div class="adm-choices">
          {model.map((o) => (
            <Checkbox key={o.alias} name="object" value={o.alias} checked={choice.objects.includes(o.alias)} onChange={(on) => actions.toggleObject(o.alias, on)}>
              {o.label}
            </Checkbox>
          ))}
        </div>
      </fieldset>

      {piped.length > 0 ? (
        <fieldset class="adm-fieldset" disabled={locked}>
          <legend>Pipelines</legend>
          {piped.map((o) => (
            <div class="adm-pipelines" key={o.alias} role="group" aria-label={`${o.label} pipelines`}>
              <span class="adm-pipelines__object" aria-hidden="true">
                {o.label}
              </span>
              <div class="adm-choices">
                {o.pipelines.map((p) => (
                  <Checkbox
                    key={p.label}
                    name={`pipeline-${o.alias}`}
                    value={p.label}
                    checked={(choice.pipelines[o.alias] ?? []).includes(p.label)}
                    onChange={(on) => actions.togglePipeline(o.alias, p.label, on)}
                  >
                    {p.label}
                    {p.governed ? null : <span class="adm-hint"> (no SOP rules)</span>}
                  </Checkbox>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
      ) : null}

      <fieldset class="adm-fieldset" disabled={locked}>
        <legend>
          Rules <span class="adm-hint">{`${rules.length} of ${allRules.length} selected`}</span>
        </legend>
        <div class="adm-rule-groups">
          {model
            .filter((o) => o.rules.length > 0)
            .map((o) => {
              const inScope = o.rules.filter((r) => ruleInScope(o.alias, r, choice));
              const on = inScope.filter((r) => choice.rules.includes(r.id)).length;
              return (
                <div class="adm-rule-group" key={o.alias} role="group" aria-label={`${o.label} rules`}>
                  <Checkbox
                    class="adm-check--all"
                    checked={inScope.length > 0 && on === inScope.length}
                    mixed={on > 0 && on < inScope.length}
                    disabled={inScope.length === 0}
                    onChange={(checked) => actions.toggleRules(inScope.map((r) => r.id), checked)}
                  >
                    {`${o.label}: all rules`} <span class="adm-hint">({o.rules.length})</span>
                  </Checkbox>
                  <ul class="adm-rule-list">
                    {o.rules.map((r) => (
                      <li key={r.id}>
                        <Checkbox
                          name="rule"
                          value={r.id}
                          checked={choice.rules.includes(r.id)}
                          disabled={!ruleInScope(o.alias, r, choice)}
                          onChange={(checked) => actions.toggleRules([r.id], checked)}
                        >
                          <span class="adm-rule-id">{r.id}</span> {r.title}
                          {r.severity === 'recommended' ? <span class="adm-tag">Recommended</span> : null}
                        </Checkbox>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
        </div>
      </fieldset>

      <div class="adm-actions">
        <button type="submit" class="adm-button adm-button--primary" disabled={locked || busy || problem !== null} aria-describedby={problem ? 'setup-problem' : undefined}>
          {busy ? 'Starting…' : 'Start scan'}
        </button>
        {problem && !locked ? (
          <p id="setup-problem" class="adm-help">
            {problem}
          </p>
        ) : (
          <p class="adm-help">{`${count(choice.objects.length, 'object')}, ${count(rules.length, 'rule')}. The scan runs in the background and goes on if you close this page.`}</p>
        )}
      </div>
    </form>
  );
}
