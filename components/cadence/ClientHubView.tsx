import type { CadenceResult, Evaluation, FindingGroup } from '../../lib/rules/result';
import { FindingSection } from '../sidebar/FindingSection';
import { GuidanceList } from '../sidebar/GuidanceList';
import { OtherFindings } from '../sidebar/OtherFindings';
import { formatDate } from '../sidebar/format';
import { inGroups, notInGroups } from '../sidebar/finding-groups';

const PLACED: readonly FindingGroup[] = ['cadence'];

const CALL_STATE_TEXT: Record<CadenceResult['calls'][number]['state'], string> = {
  done: 'done',
  current: 'now',
  upcoming: 'upcoming',
  overdue: 'OVERDUE',
};

/** A Client Hub record: cadence stage, Contact Ratio, Call 1/2/3 due dates, overdue warnings, summary steps (CH-4…CH-8). */
export function ClientHubView({ evaluation, result }: { evaluation: Evaluation; result: CadenceResult }) {
  return (
    <>
      <FindingSection id="cadence" title="Check-in cadence" findings={inGroups(evaluation.findings, 'cadence')}>
        <dl class="sop-facts">
          <dt>Stage</dt>
          <dd>{result.stage?.label ?? 'not set'}</dd>
          {result.expectedStage && result.expectedStage !== result.stage?.label ? (
            <>
              <dt>Should be in</dt>
              <dd data-expected-stage>{result.expectedStage}</dd>
            </>
          ) : null}
          <dt>Contact Ratio</dt>
          <dd>
            {result.ratio.label}
            {result.ratio.isDefault ? ' (default; not set on the record)' : ''}
          </dd>
          <dt>Last check-in</dt>
          <dd>{formatDate(result.lastCheckIn)}</dd>
          <dt>Next contact date</dt>
          <dd>{formatDate(result.nextContactDate)}</dd>
          <dt>Call preparation from</dt>
          <dd>{formatDate(result.preparationDate)}</dd>
        </dl>
        {result.overdue ? (
          <p class="sop-alert" role="alert" data-overdue>
            <strong>Overdue:</strong> this record is past its call date.
          </p>
        ) : null}
        {result.calls.length > 0 ? (
          <table class="sop-table">
            <caption>Calls due</caption>
            <thead>
              <tr>
                <th scope="col">Call</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {result.calls.map((call) => (
                <tr key={call.label} data-call-state={call.state}>
                  <th scope="row">{call.label}</th>
                  <td>{formatDate(call.due)}</td>
                  <td class={call.state === 'overdue' ? 'sop-overdue' : undefined}>{CALL_STATE_TEXT[call.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {result.summarySteps.length > 0 ? (
          <>
            <h4>Summary steps</h4>
            <ol class="sop-steps">
              {result.summarySteps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </>
        ) : null}
      </FindingSection>
      <OtherFindings findings={notInGroups(evaluation.findings, PLACED)} />
      <GuidanceList guidance={evaluation.guidance} />
    </>
  );
}
