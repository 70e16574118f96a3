/**
 * The playbook resolved against one portal: object aliases → objectTypeIds,
 * pipeline and stage labels → ids (order from the portal's displayOrder),
 * properties → their definitions and option labels, parameters → values.
 * Memoized per (playbook, portal) in a WeakMap, so a scan of thousands of
 * records resolves labels once (the benchmark depends on it).
 */
import type { NumberParam, ListParam, Playbook, PlaybookPipeline, PlaybookProperty } from '../playbook/types';
import type { Owner, PipelineMeta, PortalMeta, PropertyDef, PropertyOption } from './snapshot';
import { HS } from './hubspot';
import { zone, type Zone } from './dates';
import { normLabel, normLabelCached } from './values';

export interface PropInfo {
  alias: string;
  name: string;
  label: string;
  type: string;
  fieldType: string;
  multi: boolean;
  /** Options the property accepts (visible ones), or owners for owner properties. Empty = free value. */
  options: readonly PropertyOption[];
  byValue: ReadonlyMap<string, PropertyOption>;
  byLower: ReadonlyMap<string, PropertyOption>;
  isOwner: boolean;
  /** A HubSpot `date` property: its value names a calendar date, not an instant. */
  isDate: boolean;
  isDateTime: boolean;
  isNumber: boolean;
  isBool: boolean;
}

export interface StageInfo {
  /** `{id, label, probability}` as results show it (shared, frozen). */
  summary: Readonly<{ id: string; label: string; probability: number | null }>;
  id: string;
  label: string;
  norm: string;
  /** Open stages 0..n-1 in displayOrder; every closed stage n (lost is told apart by `lost`). */
  rank: number;
  order: number;
  isClosed: boolean;
  probability: number | null;
  won: boolean;
  lost: boolean;
}

export interface PipeInfo {
  /** `{id, label, governed}` as results show it (shared, frozen). */
  summary: Readonly<{ id: string; label: string; governed: boolean }>;
  id: string;
  label: string;
  objectTypeId: string;
  alias: string | null;
  playbook: PlaybookPipeline | null;
  governed: boolean;
  /** Non-archived stages in displayOrder. */
  stages: StageInfo[];
  stageById: Map<string, StageInfo>;
  stageByNorm: Map<string, StageInfo>;
  open: StageInfo[];
  won: StageInfo | null;
  lost: StageInfo | null;
  /** "A → B → C" for each in-order prefix of the stages (SALES-SQL-1's path), built on first use. */
  prefixTexts?: string[];
}

export interface ObjInfo {
  alias: string;
  typeId: string | null;
  label: string;
  nameProperties: string[];
  /** Named after its primary associated record of this object (PlaybookObject.nameFrom). */
  nameFrom: string | null;
  /** The playbook declares pipelines for this object (its rules are scoped by pipeline). */
  pipelined: boolean;
  props: Map<string, PropInfo>;
}

export interface Env {
  playbook: Playbook;
  portal: PortalMeta;
  zone: Zone;
  objects: Map<string, ObjInfo>;
  aliasByType: Map<string, string>;
  /** By objectTypeId, then pipeline id. */
  pipelines: Map<string, Map<string, PipeInfo>>;
  owners: Map<string, Owner>;
  /** Display names of owners by id (computed once). */
  ownerNames: Map<string, string>;
  ownerOptions: readonly PropertyOption[];
  /** Properties whose values are owner ids (REC-3, ACC-4 and HubSpot's owner property). */
  ownerProps: Set<string>;
  /** Slots other modules fill lazily with what they compile from this env (rule plans, call-log spec…). */
  memo: Map<string, unknown>;
}

const envs = new WeakMap<Playbook, WeakMap<PortalMeta, Env>>();

export function getEnv(playbook: Playbook, portal: PortalMeta): Env {
  let byPortal = envs.get(playbook);
  if (!byPortal) {
    byPortal = new WeakMap();
    envs.set(playbook, byPortal);
  }
  let env = byPortal.get(portal);
  if (!env) {
    env = buildEnv(playbook, portal);
    byPortal.set(portal, env);
  }
  return env;
}

/** Memoize a value derived from the env (compiled once per playbook and portal). */
export function memo<T>(env: Env, key: string, make: (env: Env) => T): T {
  if (env.memo.has(key)) return env.memo.get(key) as T;
  const v = make(env);
  env.memo.set(key, v);
  return v;
}

/** A fresh map (a maker for `memoBy` slots that hold maps). */
export function newMap<K, V>(): Map<K, V> {
  return new Map();
}

/** Memoize per (namespace, key) without building a combined string (these run per evaluation). */
export function memoBy<T>(env: Env, ns: string, key: string, make: (env: Env, key: string) => T): T {
  let m = env.memo.get(ns) as Map<string, T> | undefined;
  if (!m) env.memo.set(ns, (m = new Map()));
  const hit = m.get(key);
  if (hit !== undefined || m.has(key)) return hit as T;
  const v = make(env, key);
  m.set(key, v);
  return v;
}

export function ownerName(owner: Owner | undefined): string | null {
  if (!owner) return null;
  const name = [owner.firstName, owner.lastName].filter((s) => s && s.trim()).join(' ').trim();
  return name || owner.email || owner.id;
}

function collectOwnerProps(pb: Playbook): Set<string> {
  const out = new Set<string>([HS.owner]);
  const walk = (p: unknown): void => {
    if (!p || typeof p !== 'object') return;
    const o = p as Record<string, unknown>;
    if (o.op === 'ownerResolves' && typeof o.property === 'string') out.add(o.property);
    for (const v of Object.values(o)) {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') walk(v);
    }
  };
  for (const r of pb.rules ?? []) walk(r);
  return out;
}

function buildEnv(pb: Playbook, portal: PortalMeta): Env {
  const owners = new Map<string, Owner>();
  const ownerNames = new Map<string, string>();
  const ownerOptions: PropertyOption[] = [];
  for (const o of portal.owners ?? []) {
    if (!o || typeof o.id !== 'string') continue;
    owners.set(o.id, o);
    ownerNames.set(o.id, ownerName(o) ?? o.id);
    if (!o.archived) ownerOptions.push({ value: o.id, label: ownerName(o) ?? o.id });
  }
  Object.freeze(ownerOptions);

  const objects = new Map<string, ObjInfo>();
  const aliasByType = new Map<string, string>();
  const pipelinedAliases = new Set((pb.pipelines ?? []).map((p) => p.object));
  for (const [alias, obj] of Object.entries(pb.objects ?? {})) {
    let typeId = obj.objectTypeId ?? null;
    if (!typeId && obj.name) {
      const schema = (portal.schemas ?? []).find((s) => s && (s.name === obj.name || s.objectTypeId === obj.name));
      typeId = schema ? schema.objectTypeId : null;
    }
    objects.set(alias, {
      alias,
      typeId,
      label: obj.label,
      nameProperties: obj.nameProperties ?? [],
      nameFrom: typeof obj.nameFrom === 'string' ? obj.nameFrom : null,
      pipelined: pipelinedAliases.has(alias),
      props: new Map(),
    });
    if (typeId && !aliasByType.has(typeId)) aliasByType.set(typeId, alias);
  }

  const env: Env = {
    playbook: pb,
    portal,
    zone: zone(portal.timeZone),
    objects,
    aliasByType,
    pipelines: new Map(),
    owners,
    ownerNames,
    ownerOptions,
    ownerProps: collectOwnerProps(pb),
    memo: new Map(),
  };

  for (const [typeId, list] of Object.entries(portal.pipelines ?? {})) {
    const alias = aliasByType.get(typeId) ?? null;
    const byId = new Map<string, PipeInfo>();
    for (const meta of list ?? []) {
      if (!meta || typeof meta.id !== 'string') continue;
      byId.set(meta.id, buildPipe(meta, typeId, alias, pb));
    }
    env.pipelines.set(typeId, byId);
  }
  return env;
}

function buildPipe(meta: PipelineMeta, typeId: string, alias: string | null, pb: Playbook): PipeInfo {
  const norm = normLabel(meta.label ?? '');
  const pbPipe =
    alias === null ? null : (pb.pipelines ?? []).find((p) => p.object === alias && normLabel(p.label) === norm) ?? null;
  const sorted = [...(meta.stages ?? [])]
    .filter((s) => s && typeof s.id === 'string' && !s.archived)
    .sort((a, b) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0));
  const wonNorm = pbPipe?.wonStage ? normLabel(pbPipe.wonStage) : null;
  const lostNorm = pbPipe?.lostStage ? normLabel(pbPipe.lostStage) : null;
  const stages: StageInfo[] = [];
  let openRank = 0;
  for (const s of sorted) {
    const sn = normLabel(s.label ?? '');
    const probability = typeof s.probability === 'number' && Number.isFinite(s.probability) ? s.probability : null;
    const isClosed = !!s.isClosed;
    // Won/lost from the playbook's labels; for pipelines it does not describe, from HubSpot's metadata.
    const won = wonNorm !== null ? sn === wonNorm : !pbPipe && isClosed && probability === 1;
    const lost = lostNorm !== null ? sn === lostNorm : !pbPipe && isClosed && probability === 0;
    stages.push({
      summary: Object.freeze({ id: s.id, label: s.label ?? s.id, probability }),
      id: s.id,
      label: s.label ?? s.id,
      norm: sn,
      rank: isClosed || won || lost ? -1 : openRank++,
      order: stages.length,
      isClosed: isClosed || won || lost,
      probability,
      won,
      lost,
    });
  }
  for (const s of stages) if (s.rank < 0) s.rank = openRank;
  const stageById = new Map(stages.map((s) => [s.id, s]));
  const stageByNorm = new Map<string, StageInfo>();
  for (const s of stages) if (!stageByNorm.has(s.norm)) stageByNorm.set(s.norm, s);
  return {
    summary: Object.freeze({ id: meta.id, label: meta.label ?? meta.id, governed: !!pbPipe?.governed }),
    id: meta.id,
    label: meta.label ?? meta.id,
    objectTypeId: typeId,
    alias,
    playbook: pbPipe,
    governed: !!pbPipe?.governed,
    stages,
    stageById,
    stageByNorm,
    open: stages.filter((s) => !s.isClosed),
    won: stages.find((s) => s.won) ?? null,
    lost: stages.find((s) => s.lost) ?? null,
  };
}

export function objectTypeOf(env: Env, alias: string): string | null {
  return env.objects.get(alias)?.typeId ?? null;
}

export function aliasOf(env: Env, objectTypeId: string): string | null {
  return env.aliasByType.get(objectTypeId) ?? null;
}

/** The pipeline a record is in: by its pipeline property, else by its stage id (tickets, custom objects). */
export function findPipe(env: Env, objectTypeId: string, pipelineId: string | null, stageId: string | null): PipeInfo | null {
  const pipes = env.pipelines.get(objectTypeId);
  if (!pipes) return null;
  if (pipelineId) {
    const p = pipes.get(pipelineId);
    if (p) return p;
  }
  if (stageId) {
    for (const p of pipes.values()) if (p.stageById.has(stageId)) return p;
  }
  return null;
}

/** Playbook pipelines of an alias resolved to the portal's pipelines (by label). */
export function pipesOf(env: Env, alias: string): PipeInfo[] {
  const typeId = objectTypeOf(env, alias);
  if (!typeId) return [];
  return [...(env.pipelines.get(typeId)?.values() ?? [])];
}

export function stageByLabel(pipe: PipeInfo, label: string): StageInfo | null {
  return pipe.stageByNorm.get(normLabelCached(label)) ?? null;
}

function defOf(env: Env, typeId: string | null, name: string): PropertyDef | null {
  if (!typeId) return null;
  const defs = env.portal.properties?.[typeId];
  if (!defs) return null;
  for (const d of defs) if (d && d.name === name) return d;
  return null;
}

function declOf(env: Env, alias: string, name: string): PlaybookProperty | null {
  for (const p of env.playbook.properties ?? []) if (p.object === alias && p.name === name) return p;
  return null;
}

/** A property of an object, with the SOP's label and the portal's definition and options. */
export function propInfo(env: Env, alias: string, name: string): PropInfo {
  let obj = env.objects.get(alias);
  if (!obj) {
    obj = { alias, typeId: null, label: alias, nameProperties: [], nameFrom: null, pipelined: false, props: new Map() };
    env.objects.set(alias, obj);
  }
  const hit = obj.props.get(name);
  if (hit) return hit;
  const def = defOf(env, obj.typeId, name);
  const decl = declOf(env, alias, name);
  const type = def?.type ?? decl?.type ?? 'string';
  const fieldType = def?.fieldType ?? (type === 'enumeration' ? 'select' : type === 'number' ? 'number' : type === 'date' ? 'date' : 'text');
  const isOwner = env.ownerProps.has(name);
  const options = Object.freeze(
    isOwner && (!def || def.options.length === 0)
      ? [...env.ownerOptions]
      : (def?.options ?? []).filter((o) => o && typeof o.value === 'string' && !o.hidden).map((o) => ({ value: o.value, label: o.label ?? o.value })),
  );
  const byValue = new Map<string, PropertyOption>();
  const byLower = new Map<string, PropertyOption>();
  for (const o of options) {
    byValue.set(o.value, o);
    const lower = o.value.toLowerCase();
    if (!byLower.has(lower)) byLower.set(lower, o);
  }
  const info: PropInfo = {
    alias,
    name,
    label: decl?.label ?? def?.label ?? name,
    type,
    fieldType,
    multi: type === 'enumeration' && fieldType === 'checkbox',
    options,
    byValue,
    byLower,
    isOwner,
    isDate: type === 'date',
    isDateTime: type === 'datetime',
    isNumber: type === 'number',
    isBool: type === 'bool' || fieldType === 'booleancheckbox',
  };
  obj.props.set(name, info);
  return info;
}

/** The option a stored value is (exact, then case-insensitive), or undefined. */
export function optionOf(p: PropInfo, value: string): PropertyOption | undefined {
  return p.byValue.get(value) ?? p.byLower.get(value.toLowerCase());
}

export function numberParam(env: Env, v: NumberParam): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const p = env.playbook.parameters?.[v?.param];
  return typeof p === 'number' && Number.isFinite(p) ? p : null;
}

export function listParam(env: Env, v: ListParam): string[] {
  if (Array.isArray(v)) return v.filter((s) => typeof s === 'string');
  const p = env.playbook.parameters?.[v?.param];
  return Array.isArray(p) ? p.filter((s) => typeof s === 'string') : [];
}

/** Association type id of the primary association between two aliases (deal→company 5). */
export function primaryTypeId(env: Env, from: string, to: string): number | null {
  for (const p of env.playbook.associations?.primary ?? []) if (p.from === from && p.to === to) return p.typeId;
  return null;
}
