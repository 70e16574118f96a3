/**
 * SALES-SQL-1: a deal starts in the first stage of its pipeline and moves
 * through the stages in order. Read from the `dealstage` history
 * (Resolutions): moving backwards, or to the lost stage from any stage, is
 * not a skip; without history the rule is unknown.
 */
import type { Predicate } from '../playbook/types';
import type { RecordData } from './snapshot';
import type { Ctx } from './context';
import type { Env, PipeInfo, StageInfo } from './resolve';
import { FAIL, MET, UNK, item, isFocus, refOfRecord, type Node, type Tri } from './node';
import { stageHistory } from './history';

type P = Extract<Predicate, { op: 'stageOrder' }>;

export interface StageWalk {
  t: Tri;
  pipe: PipeInfo | null;
  /** Stages in the order the deal went through them (consecutive repeats collapsed). */
  path: StageInfo[];
  /** The move that skipped a stage, or the first stage when it was not the pipeline's first. */
  problem: string | null;
}

export function walkStages(ctx: Ctx, rec: RecordData): StageWalk {
  const pos = ctx.stageOf(rec);
  const pipe = pos.pipe;
  if (!pipe || pipe.open.length === 0) return { t: UNK, pipe, path: [], problem: null };
  const history = stageHistory(ctx, rec);
  if (!history) return { t: UNK, pipe, path: [], problem: null };
  const path: StageInfo[] = [];
  for (const id of history.ids) {
    const s = pipe.stageById.get(id);
    // Entries from another pipeline (the deal was moved) say nothing about this one's order.
    if (!s) continue;
    if (path.length && path[path.length - 1] === s) continue;
    path.push(s);
  }
  if (path.length === 0) return { t: UNK, pipe, path, problem: null };
  const first = path[0]!;
  if (first.rank !== 0 || first.isClosed) {
    return { t: FAIL, pipe, path, problem: `created in ${first.label}, not ${pipe.open[0]!.label}` };
  }
  let prev = first.rank;
  let prevStage = first;
  for (let i = 1; i < path.length; i++) {
    const s = path[i]!;
    if (s.lost) continue;
    if (s.rank > prev + 1) {
      return { t: FAIL, pipe, path, problem: `${prevStage.label} → ${s.label} skipped ${skipped(pipe, prev, s.rank)}` };
    }
    prev = s.rank;
    prevStage = s;
  }
  return { t: MET, pipe, path, problem: null };
}

function skipped(pipe: PipeInfo, from: number, to: number): string {
  return pipe.open
    .filter((s) => s.rank > from && s.rank < to)
    .map((s) => s.label)
    .join(', ');
}

/** "SQL → Engaged → Proposal"; the in-order prefixes of a pipeline are built once. */
function pathText(ctx: Ctx, w: StageWalk): string {
  const pipe = w.pipe;
  let prefix = w.problem === null && pipe !== null;
  if (prefix) for (let i = 0; i < w.path.length; i++) if (pipe!.stages[i] !== w.path[i]) prefix = false;
  if (prefix) {
    const texts = (pipe!.prefixTexts ??= pipe!.stages.map((_, i) => pipe!.stages.slice(0, i + 1).map((s) => s.label).join(' → ')));
    const t = texts[w.path.length - 1];
    if (t !== undefined) return t;
  }
  return w.path.map((s) => s.label).join(' → ') + (w.problem ? ` (${w.problem})` : '');
}

export function stageOrderNode(p: P, _alias: string, _env: Env): Node {
  const label = p.label ?? 'Started in the first stage and moved stage by stage';
  return {
    label,
    sig(ctx, rec) {
      if (!rec) return null;
      const w = walkStages(ctx, rec);
      if (w.t !== MET || !w.pipe) return null;
      for (let i = 0; i < w.path.length; i++) if (w.pipe.stages[i] !== w.path[i]) return null;
      return w.path.length;
    },
    test: (ctx, rec) => (rec ? walkStages(ctx, rec).t : UNK),
    items(ctx, rec, out) {
      const w: StageWalk = rec ? walkStages(ctx, rec) : { t: UNK, pipe: null, path: [], problem: null };
      const first = w.pipe?.open[0]?.label ?? 'the first stage';
      const current = w.path.length ? pathText(ctx, w) : null;
      out.push(item(label, w.t, current, `starts in ${first} and moves one stage at a time`, null, rec && !isFocus(ctx, rec) ? refOfRecord(rec) : null));
      return w.t === MET ? MET : w.t;
    },
  };
}
