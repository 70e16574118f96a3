/**
 * The zod schema of a playbook: exactly the shape of ./types.ts (a type-level
 * test keeps the two mutually assignable). Objects are strict so a misspelt
 * key ("propery") is reported instead of silently ignored. Cross-references
 * (aliases, stages, parameters…) are checked afterwards in ./validate.ts.
 *
 * Built on first use (playbookSchemas()): constructing every zod schema at
 * module load cost the service worker ~20 ms of start-up on each wake, and
 * most wakes never validate a playbook (the default needs no check).
 */
import { z } from 'zod';
import type { Predicate } from './types';

function build() {
  const str = z.string();
  const nonEmpty = z.string().min(1);
  const label = { label: str.optional() };

  /** Sidebar sections a guide can be placed in (lib/rules/result.ts FindingGroup). */
  const findingGroupSchema = z.enum([
    'next', 'earlier', 'toWon', 'toLost', 'afterWon', 'process', 'checklist', 'committee', 'lifecycle',
    'lead', 'consent', 'hygiene', 'duplicates', 'profile', 'account', 'health', 'cadence', 'subscription',
  ]);
  const severitySchema = z.enum(['required', 'recommended']);
  const engagementTypeSchema = z.enum(['note', 'call', 'email', 'meeting', 'task']);
  const propertyTypeSchema = z.enum(['string', 'number', 'date', 'datetime', 'enumeration', 'bool', 'phone_number']);
  const cmpSchema = z.enum(['lt', 'lte', 'gt', 'gte', 'eq', 'neq']);

  const paramRefSchema = z.strictObject({ param: nonEmpty });
  const numberParamSchema = z.union([z.number(), paramRefSchema]);
  const listParamSchema = z.union([z.array(str), paramRefSchema]);

  const property = { property: nonEmpty };

  const knownSchema = z.strictObject({ op: z.literal('known'), ...label, ...property });
  const equalsSchema = z.strictObject({ op: z.literal('equals'), ...label, ...property, value: str });
  const oneOfSchema = z.strictObject({ op: z.literal('oneOf'), ...label, ...property, values: listParamSchema });
  const hasAnySchema = z.strictObject({ op: z.literal('hasAny'), ...label, ...property });
  const compareSchema = z.strictObject({
    op: z.literal('compare'), ...label, ...property, cmp: cmpSchema, value: numberParamSchema,
  });
  const dateWithinSchema = z.strictObject({
    op: z.literal('dateWithin'), ...label, ...property, days: numberParamSchema, direction: z.enum(['past', 'future']),
  });
  const matchesSchema = z.strictObject({
    op: z.literal('matches'), ...label, ...property, pattern: str, flags: str.optional(),
  });
  const allSchema = z.strictObject({
    op: z.literal('all'), ...label,
    get of(): z.ZodArray<z.ZodType<Predicate>> {
      return z.array(predicateSchema);
    },
  });
  const anySchema = z.strictObject({
    op: z.literal('any'), ...label,
    get of(): z.ZodArray<z.ZodType<Predicate>> {
      return z.array(predicateSchema);
    },
  });
  const notSchema = z.strictObject({
    op: z.literal('not'), ...label,
    get of(): z.ZodType<Predicate> {
      return predicateSchema;
    },
  });
  const iffSchema = z.strictObject({
    op: z.literal('iff'), ...label,
    get left(): z.ZodType<Predicate> {
      return predicateSchema;
    },
    get right(): z.ZodType<Predicate> {
      return predicateSchema;
    },
  });
  const associatedSchema = z.strictObject({
    op: z.literal('associated'), ...label,
    object: nonEmpty,
    labels: z.array(nonEmpty).optional(),
    primary: z.boolean().optional(),
    quantifier: z.enum(['any', 'all', 'none']),
    get where(): z.ZodOptional<z.ZodType<Predicate>> {
      return predicateSchema.optional();
    },
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
  });
  const engagementSchema = z.strictObject({
    op: z.literal('engagement'), ...label,
    types: z.array(engagementTypeSchema).min(1),
    contains: str.optional(),
    sinceStage: str.optional(),
    withinDays: numberParamSchema.optional(),
    get where(): z.ZodOptional<z.ZodType<Predicate>> {
      return predicateSchema.optional();
    },
  });
  const attachmentSchema = z.strictObject({
    op: z.literal('attachment'), ...label,
    extension: str.optional(),
    nameContains: str.optional(),
    nameEquals: str.optional(),
  });
  const activityWithinSchema = z.strictObject({ op: z.literal('activityWithin'), ...label, days: numberParamSchema });
  const inStageSchema = z.strictObject({
    op: z.literal('inStage'), ...label,
    stages: z.array(str).optional(),
    outcome: z.enum(['won', 'lost', 'open']).optional(),
    governed: z.boolean().optional(),
  });
  const stageOrderSchema = z.strictObject({ op: z.literal('stageOrder'), ...label });
  const ownerResolvesSchema = z.strictObject({ op: z.literal('ownerResolves'), ...label, ...property });
  const noDuplicatesSchema = z.strictObject({ op: z.literal('noDuplicates'), ...label });
  const checklistSchema = z.strictObject({ op: z.literal('checklist'), ...label, list: nonEmpty });
  const cadenceCheckSchema = z.strictObject({
    op: z.literal('cadence'), ...label,
    check: z.enum(['ratioSet', 'preparation', 'overdue', 'call3Contact', 'summary']),
  });
  const onePerPairSchema = z.strictObject({
    op: z.literal('onePerPair'), ...label,
    object: nonEmpty, pairWith: nonEmpty, pairLabels: z.array(nonEmpty),
  });
  const healthScoreSchema = z.strictObject({ op: z.literal('healthScore'), ...label });
  const manualSchema = z.strictObject({ op: z.literal('manual'), ...label });

  const predicateOptions = [
    knownSchema, equalsSchema, oneOfSchema, hasAnySchema, compareSchema, dateWithinSchema, matchesSchema,
    allSchema, anySchema, notSchema, iffSchema, associatedSchema, engagementSchema, attachmentSchema,
    activityWithinSchema, inStageSchema, stageOrderSchema, ownerResolvesSchema, noDuplicatesSchema,
    checklistSchema, cadenceCheckSchema, onePerPairSchema, healthScoreSchema, manualSchema,
  ] as const;

  const predicateSchema = z.discriminatedUnion('op', predicateOptions);

  /** Every predicate `op`, for messages and docs. */
  const PREDICATE_OPS = predicateOptions.map((o) => o.shape.op.value);

  const ruleSourceSchema = z.strictObject({ file: nonEmpty, quote: nonEmpty });

  const ruleScopeSchema = z.strictObject({
    object: nonEmpty,
    alsoOn: z.array(nonEmpty).optional(),
    pipelines: z.array(nonEmpty).optional(),
    when: predicateSchema.optional(),
  });

  const ruleBase = {
    id: nonEmpty,
    title: nonEmpty,
    why: str,
    source: ruleSourceSchema,
    scope: ruleScopeSchema,
    severity: severitySchema,
    enabled: z.boolean().optional(),
  };

  const staged = {
    stage: str.optional(),
    transition: z.enum(['leave', 'enter']).optional(),
  };

  const ruleFixSchema = z.strictObject({
    object: nonEmpty.optional(),
    property: nonEmpty,
    suggest: str.optional(),
  });

  const gateRuleSchema = z.strictObject({
    ...ruleBase, ...staged, kind: z.literal('gate'), test: predicateSchema, fix: ruleFixSchema.optional(),
  });
  const checkRuleSchema = z.strictObject({
    ...ruleBase, ...staged, kind: z.literal('check'), test: predicateSchema, fix: ruleFixSchema.optional(),
  });
  const formRuleSchema = z.strictObject({
    ...ruleBase, ...staged,
    kind: z.literal('form'),
    form: z.enum(['callLog', 'sopNote', 'cadence']),
    test: predicateSchema.optional(),
    fix: ruleFixSchema.optional(),
  });
  const guideRuleSchema = z.strictObject({
    ...ruleBase, kind: z.literal('guide'), text: nonEmpty, stage: str.optional(), group: findingGroupSchema.optional(),
  });
  const viewRuleSchema = z.strictObject({ ...ruleBase, kind: z.literal('view'), view: z.literal('hierarchy') });

  const ruleSchema = z.discriminatedUnion('kind', [
    gateRuleSchema, checkRuleSchema, formRuleSchema, guideRuleSchema, viewRuleSchema,
  ]);

  const playbookObjectSchema = z.strictObject({
    objectTypeId: nonEmpty.optional(),
    name: nonEmpty.optional(),
    label: nonEmpty,
    nameProperties: z.array(nonEmpty),
    nameFrom: nonEmpty.optional(),
  });

  const playbookPropertySchema = z.strictObject({
    object: nonEmpty,
    name: nonEmpty,
    label: nonEmpty,
    type: propertyTypeSchema.optional(),
  });

  const playbookPipelineSchema = z.strictObject({
    object: nonEmpty,
    label: nonEmpty,
    governed: z.boolean(),
    stages: z.array(nonEmpty).min(1),
    wonStage: nonEmpty.optional(),
    lostStage: nonEmpty.optional(),
  });

  const typeId = z.number().int().positive();

  const associationsSchema = z.strictObject({
    primary: z.array(z.strictObject({ from: nonEmpty, to: nonEmpty, typeId })),
    parentToChild: typeId.optional(),
    childToParent: typeId.optional(),
    labels: z.array(z.strictObject({ from: nonEmpty, to: nonEmpty, label: nonEmpty })),
  });

  const checklistItemSchema = z.strictObject({ object: nonEmpty, property: nonEmpty, label: nonEmpty });

  const lifecycleSchema = z.strictObject({
    object: nonEmpty,
    property: nonEmpty,
    defaultValue: nonEmpty,
    stages: z.array(z.strictObject({
      value: nonEmpty, label: nonEmpty, definition: str, ruleId: nonEmpty.optional(),
    })).min(1),
    transitions: z.array(z.strictObject({
      from: nonEmpty, to: nonEmpty, criteria: str, ruleId: nonEmpty.optional(),
    })),
  });

  const callLogSchema = z.strictObject({
    appliesTo: z.array(nonEmpty),
    directions: z.array(nonEmpty),
    outcomes: z.array(nonEmpty),
    types: z.array(nonEmpty),
    required: z.array(nonEmpty),
    bodyPrompt: str,
    checkIn: z.strictObject({
      outcomes: z.array(nonEmpty), types: z.array(nonEmpty), directions: z.array(nonEmpty), explanation: str,
    }),
    otherCallsExplanation: str,
    associateWith: z.array(nonEmpty),
  });

  const days = z.number().int().nonnegative();

  const ratioSpecSchema = z.strictObject({
    days: days.optional(), weeks: days.optional(), months: days.optional(),
  });

  const cadenceSchema = z.strictObject({
    object: nonEmpty,
    pipeline: nonEmpty,
    ratioProperty: nonEmpty,
    lastCheckInProperty: nonEmpty,
    nextContactDateProperty: nonEmpty,
    ratios: z.record(nonEmpty, ratioSpecSchema),
    defaultRatio: nonEmpty,
    prepLeadDays: days,
    callSpacingDays: days,
    stages: z.strictObject({
      preparation: nonEmpty,
      calls: z.array(nonEmpty).min(1),
      summaryConnected: nonEmpty,
      summaryNotConnected: nonEmpty,
      completed: nonEmpty,
    }),
    notConnectedRatio: nonEmpty,
    tasks: z.strictObject({ calls: z.array(nonEmpty), summaryConnected: nonEmpty, summaryNotConnected: nonEmpty }),
    npsSurvey: str,
  });

  const span = z.strictObject({ fullDays: days, zeroDays: days });

  const healthSchema = z.strictObject({
    weights: z.strictObject({
      engagement: z.number().nonnegative(), velocity: z.number().nonnegative(), support: z.number().nonnegative(),
    }),
    atRisk: z.number().min(0).max(100),
    engagement: span,
    velocity: span,
    support: z.strictObject({
      perOpenTicket: z.number().nonnegative(), surgePenalty: z.number().nonnegative(), windowDays: days,
    }),
  });

  const playbookSchema = z.strictObject({
    schemaVersion: z.literal(1),
    id: nonEmpty,
    name: nonEmpty,
    company: nonEmpty,
    version: nonEmpty,
    sources: z.array(z.strictObject({ file: nonEmpty, title: str })),
    objects: z.record(nonEmpty, playbookObjectSchema),
    properties: z.array(playbookPropertySchema),
    pipelines: z.array(playbookPipelineSchema),
    associations: associationsSchema,
    activityProperties: z.record(nonEmpty, z.array(nonEmpty)),
    parameters: z.record(nonEmpty, z.union([z.number(), z.array(str)])),
    checklists: z.record(nonEmpty, z.array(checklistItemSchema)),
    lifecycle: lifecycleSchema.optional(),
    callLog: callLogSchema.optional(),
    cadence: cadenceSchema.optional(),
    health: healthSchema.optional(),
    sopNote: z.strictObject({ tag: nonEmpty, checklist: nonEmpty, associateWith: z.array(nonEmpty) }).optional(),
    rules: z.array(ruleSchema),
  });

  return { playbookSchema, predicateSchema, ruleSchema, PREDICATE_OPS };
}

export type PlaybookSchemas = ReturnType<typeof build>;
let built: PlaybookSchemas | null = null;

/** The playbook's zod schemas, constructed once, when first needed. */
export function playbookSchemas(): PlaybookSchemas {
  return (built ??= build());
}

export type PlaybookInput = z.infer<PlaybookSchemas['playbookSchema']>;
export type PredicateInput = z.infer<PlaybookSchemas['predicateSchema']>;
