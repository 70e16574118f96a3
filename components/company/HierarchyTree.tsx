import type { CompanyResult, HierarchyNode } from '../../lib/rules/result';
import { formatNumber } from '../sidebar/format';
import { RecordLink } from '../sidebar/RecordLink';
import { useSidebar } from '../sidebar/sidebar-context';

type Hierarchy = NonNullable<CompanyResult['hierarchy']>;

function Node({ node, focusId }: { node: HierarchyNode; focusId: string }) {
  const isFocus = node.company.id === focusId;
  return (
    <li data-company={node.company.id}>
      {isFocus ? (
        <strong aria-current="page">{node.name} (this company)</strong>
      ) : (
        <RecordLink record={node.company} name={node.name} />
      )}
      {node.children.length > 0 ? (
        <ul>
          {node.children.map((c) => (
            <Node key={c.company.id} node={c} focusId={focusId} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** ACC-3: parent/subsidiary tree and the roll-ups over the company and its descendants. */
export function HierarchyTree({ hierarchy, rollup }: { hierarchy: Hierarchy | null; rollup: CompanyResult['rollup'] }) {
  const { record } = useSidebar();
  if (!hierarchy && !rollup) return null;
  return (
    <section class="sop-section" aria-labelledby="sop-section-hierarchy" data-section="hierarchy">
      <h3 id="sop-section-hierarchy">Company hierarchy</h3>
      {hierarchy ? (
        <ul class="sop-tree" aria-label="Parent and subsidiary companies">
          <Node node={hierarchy.root} focusId={record.id} />
        </ul>
      ) : (
        <p class="sop-empty">Hierarchy not loaded.</p>
      )}
      {rollup ? (
        <dl class="sop-facts" data-rollup>
          <dt>Annual revenue (sum)</dt>
          <dd>{formatNumber(rollup.annualRevenue)}</dd>
          <dt>Open deals</dt>
          <dd>{rollup.openDeals}</dd>
          <dt>Open tickets</dt>
          <dd>{rollup.openTickets}</dd>
          <dt>Companies counted</dt>
          <dd>{rollup.companies}</dd>
        </dl>
      ) : null}
    </section>
  );
}
