import type { CompanyResult, Finding } from '../../lib/rules/result';
import { FindingSection } from '../sidebar/FindingSection';
import { formatNumber } from '../sidebar/format';

const NAMES = { engagement: 'Engagement', velocity: 'Velocity', support: 'Support' } as const;

/** ACC-6: the health score, each component with its weight and why, and the formula. */
export function HealthScore({ health, findings }: { health: CompanyResult['health']; findings: Finding[] }) {
  if (!health && findings.length === 0) return null;
  return (
    <FindingSection id="health" title="Account health" findings={findings}>
      {health ? (
        <div class="sop-health" data-health-score={String(Math.round(health.score))}>
          <p class="sop-health__score">
            <strong>{Math.round(health.score)}</strong> / 100{' '}
            <span class={health.atRisk ? 'sop-badge sop-badge--violation' : 'sop-badge sop-badge--met'}>
              {health.atRisk ? 'At risk' : 'Healthy'}
            </span>
          </p>
          <table class="sop-table">
            <caption>Score components</caption>
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col">Score</th>
                <th scope="col">Weight</th>
              </tr>
            </thead>
            <tbody>
              {health.components.map((c) => (
                <tr key={c.name}>
                  <th scope="row">
                    {NAMES[c.name]}
                    <span class="sop-sub">{c.detail}</span>
                  </th>
                  <td>{Math.round(c.score)}</td>
                  <td>{formatNumber(c.weight)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="sop-formula">Formula: {health.formula}</p>
        </div>
      ) : null}
    </FindingSection>
  );
}
