/**
 * Names of the records an Evaluation mentions besides the focus record
 * (buying-committee contacts, companies in the hierarchy), so links and fix
 * targets read "Ana Lopez" rather than "Contact 5001".
 */
import type { Evaluation, HierarchyNode } from '../../lib/rules/result';

export function recordNames(evaluation: Evaluation | null): Map<string, string> {
  const names = new Map<string, string>();
  if (!evaluation) return names;
  const add = (ref: { objectTypeId: string; id: string }, name: string) => {
    if (name.trim()) names.set(`${ref.objectTypeId}/${ref.id}`, name);
  };
  const { result } = evaluation;
  if (result.kind === 'deal') result.committee?.members.forEach((m) => add(m.contact, m.name));
  if (result.kind === 'company' && result.hierarchy) {
    const walk = (node: HierarchyNode) => {
      add(node.company, node.name);
      node.children.forEach(walk);
    };
    walk(result.hierarchy.root);
  }
  return names;
}
