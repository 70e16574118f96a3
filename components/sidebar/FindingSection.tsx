import type { ComponentChildren } from 'preact';
import type { Finding } from '../../lib/rules/result';
import { domId } from './format';
import { FindingCard } from './FindingCard';
import { MetFindings } from './MetFindings';
import { sortFindings } from './finding-groups';

export interface FindingSectionProps {
  id: string;
  title: string;
  findings: Finding[];
  /** Shown above the findings (a stage path, a checklist…). */
  children?: ComponentChildren;
  /** Shown when nothing in the section is open. */
  empty?: string;
  intro?: string;
}

/** A landmark section with a heading: open findings first, met ones folded under a count. */
export function FindingSection({ id, title, findings, children, empty, intro }: FindingSectionProps) {
  const headingId = domId('section', id);
  const hasChildren = children !== undefined && children !== null && children !== false;
  if (findings.length === 0 && !hasChildren && !empty) return null;
  const open = sortFindings(findings.filter((f) => f.status !== 'met'));
  return (
    <section class="sop-section" aria-labelledby={headingId} data-section={id}>
      <h3 id={headingId}>{title}</h3>
      {intro ? <p class="sop-intro">{intro}</p> : null}
      {children}
      {open.map((f) => (
        <FindingCard key={`${f.ruleId}-${f.group}`} finding={f} />
      ))}
      {open.length === 0 && empty ? <p class="sop-empty">{empty}</p> : null}
      <MetFindings findings={findings} />
    </section>
  );
}
