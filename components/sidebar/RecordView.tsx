import type { Evaluation } from '../../lib/rules/result';
import { CallLogForm } from '../cadence/CallLogForm';
import { ClientHubView } from '../cadence/ClientHubView';
import { CompanyView } from '../company/CompanyView';
import { ContactView } from '../contact/ContactView';
import { DealView } from '../deal/DealView';
import { FindingSection } from './FindingSection';
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
          <FindingSection id="checks" title="Checks" findings={sortFindings(evaluation.findings)} empty="No SOP checks apply to this record." />
          <GuidanceList guidance={evaluation.guidance} />
        </>
      )}
      {evaluation.callLog ? <CallLogForm spec={evaluation.callLog} cadence={result.kind === 'cadence' ? result : null} /> : null}
    </>
  );
}
