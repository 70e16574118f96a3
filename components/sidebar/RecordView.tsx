import type { Evaluation } from '../../lib/rules/result';
import { CallLogForm } from '../cadence/CallLogForm';
import { ClientHubView } from '../cadence/ClientHubView';
import { CompanyView } from '../company/CompanyView';
import { ContactView } from '../contact/ContactView';
import { DealView } from '../deal/DealView';
import { OtherFindings } from './OtherFindings';
import { GuidanceList } from './GuidanceList';
import { sortFindings } from './finding-groups';

/** The view for the record's kind, then the guided call log when the playbook offers one here. */
export function RecordView({ evaluation }: { evaluation: Evaluation }) {
  const { result } = evaluation;
  return (
    <>
      {result.kind === 'deal' ? (
        <DealView evaluation={evaluation} result={result} />
      ) : result.kind === 'contact' ? (
        <ContactView evaluation={evaluation} result={result} />
      ) : result.kind === 'company' ? (
        <CompanyView evaluation={evaluation} result={result} />
      ) : result.kind === 'cadence' ? (
        <ClientHubView evaluation={evaluation} result={result} />
      ) : (
        <>
          {evaluation.findings.length === 0 ? (
            <section class="sop-section" aria-labelledby="sop-section-checks" data-section="checks">
              <h3 id="sop-section-checks">Checks</h3>
              <p class="sop-empty">No SOP checks apply to this record.</p>
            </section>
          ) : (
            <OtherFindings findings={sortFindings(evaluation.findings)} />
          )}
          <GuidanceList guidance={evaluation.guidance} />
        </>
      )}
      {evaluation.callLog ? <CallLogForm spec={evaluation.callLog} cadence={result.kind === 'cadence' ? result : null} /> : null}
    </>
  );
}
