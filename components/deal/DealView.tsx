import type { DealResult, Evaluation, FindingGroup } from '../../lib/rules/result';
import { FindingSection } from '../sidebar/FindingSection';
import { GuidanceList } from '../sidebar/GuidanceList';
import { OtherFindings } from '../sidebar/OtherFindings';
import { inGroups, notInGroups } from '../sidebar/finding-groups';
import { BuyingCommittee } from './BuyingCommittee';
import { SopChecklist } from './SopChecklist';
import { StagePath } from './StagePath';

const PLACED: readonly FindingGroup[] = ['next', 'earlier', 'process', 'committee', 'checklist', 'toWon', 'toLost', 'afterWon'];

/** A deal: stage path, what the next stage needs, earlier gates left open, committee, S&OP, won/lost, follow-ups. */
export function DealView({ evaluation, result }: { evaluation: Evaluation; result: DealResult }) {
  const { findings } = evaluation;
  const governed = result.pipeline?.governed ?? false;
  return (
    <>
      <section class="sop-section" aria-labelledby="sop-section-stage" data-section="stage">
        <h3 id="sop-section-stage">
          {result.pipeline ? result.pipeline.label : 'Pipeline'}
          {result.stage ? `: ${result.stage.label}` : ''}
        </h3>
        {!governed ? (
          <p class="sop-intro">
            {result.pipeline ? `The ${result.pipeline.label} pipeline` : "This deal's pipeline"} is not governed by the
            playbook, so no stage gates apply.
          </p>
        ) : null}
        <StagePath path={result.path} />
      </section>
      <FindingSection
        id="next"
        title={result.nextStage ? `To move to ${result.nextStage}` : 'Next stage'}
        intro={result.nextStage ? 'Fill these in before moving the deal on.' : undefined}
        findings={inGroups(findings, 'next')}
        empty={governed && result.nextStage ? `Nothing is missing for ${result.nextStage}.` : undefined}
      />
      <FindingSection
        id="earlier"
        title="Earlier stages left open"
        intro="These belong to stages the deal has already left: it is out of compliance until they are filled in."
        findings={inGroups(findings, 'earlier')}
      />
      <FindingSection id="process" title="Stage order" findings={inGroups(findings, 'process')} />
      <BuyingCommittee committee={result.committee} findings={inGroups(findings, 'committee')} />
      {result.sop ? (
        <SopChecklist sop={result.sop} findings={inGroups(findings, 'checklist')} />
      ) : (
        <FindingSection id="sop" title="S&OP checklist" findings={inGroups(findings, 'checklist')} />
      )}
      <FindingSection id="toWon" title="To close as won" findings={inGroups(findings, 'toWon')} />
      <FindingSection
        id="toLost"
        title="To close as lost"
        intro="Needed only if the deal is lost."
        findings={inGroups(findings, 'toLost')}
      />
      <FindingSection id="afterWon" title="After closing won" findings={inGroups(findings, 'afterWon')} />
      <OtherFindings findings={notInGroups(findings, PLACED)} />
      <GuidanceList guidance={evaluation.guidance} />
    </>
  );
}
