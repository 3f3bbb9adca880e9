import { parseInput, ValidationError, type ValidationIssue } from '@retailkit/core';
import { z } from 'zod';

const nameSchema = z.string().min(1, 'must not be empty');

const transitionSpecSchema = z.strictObject({
  target: z.string(),
  guard: nameSchema.optional(),
  effects: z.array(nameSchema).optional(),
  description: z.string().optional(),
});

const transitionConfigSchema = z.union([z.string(), transitionSpecSchema, z.array(transitionSpecSchema)], {
  error: 'must be a target state, a transition { target, guard?, effects? } or a list of them',
});

const stateConfigSchema = z.strictObject({
  on: z.record(nameSchema, transitionConfigSchema).optional(),
  final: z.boolean().optional(),
  description: z.string().optional(),
});

const processConfigSchema = z.strictObject({
  id: nameSchema,
  initial: z.string(),
  states: z.record(nameSchema, stateConfigSchema),
});

/** Implementations checked at setup: every entry must be a function. */
const implementationsSchema = z.record(
  nameSchema,
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'must be a function'),
);

/** A transition in the shape every check and lookup uses. */
export interface NormalizedTransition {
  /** The target state. */
  readonly target: string;
  /** The guard name, if any. */
  readonly guard: string | undefined;
  /** Effect names, in order. */
  readonly effects: readonly string[];
}

/** A transition config as its list of candidates, each with the path that names it in errors. */
export function normalizeTransitions(
  config: unknown,
): readonly { readonly spec: NormalizedTransition; readonly path: string }[] {
  if (typeof config === 'string')
    return [{ spec: { target: config, guard: undefined, effects: [] }, path: '' }];
  const list = Array.isArray(config) ? config : [config];
  return list.map((item: { target: string; guard?: string; effects?: readonly string[] }, index) => ({
    spec: { target: item.target, guard: item.guard, effects: item.effects ?? [] },
    path: Array.isArray(config) ? `.${index}` : '',
  }));
}

/** Throws a ValidationError on `guards.*` / `effects.*` when an implementation is not a function. */
export function validateImplementations(impl: { guards?: unknown; effects?: unknown }): void {
  parseInput(
    z.strictObject({ guards: implementationsSchema.optional(), effects: implementationsSchema.optional() }),
    impl,
    'order process implementations',
  );
}

/**
 * Checks a process table before any order meets it, so a typo in a target, guard or effect fails at
 * start-up instead of on the first order that reaches that state. Every problem is reported at once.
 */
export function validateProcessConfig(
  config: unknown,
  guards: ReadonlySet<string>,
  effects: ReadonlySet<string>,
): void {
  const parsed = parseInput(processConfigSchema, config, 'order process');
  const issues: ValidationIssue[] = [];
  const states = new Set(Object.keys(parsed.states));
  if (!states.has(parsed.initial)) {
    issues.push({
      path: 'initial',
      message: `must be a declared state; got ${JSON.stringify(parsed.initial)}`,
    });
  }
  for (const [state, stateConfig] of Object.entries(parsed.states)) {
    const on = stateConfig.on ?? {};
    const statePath = `states.${state}`;
    if (stateConfig.final === true && Object.keys(on).length > 0) {
      issues.push({ path: `${statePath}.on`, message: 'a final state accepts no events' });
    }
    for (const [event, transitionConfig] of Object.entries(on)) {
      const eventPath = `${statePath}.on.${event}`;
      const candidates = normalizeTransitions(transitionConfig);
      if (candidates.length === 0)
        issues.push({ path: eventPath, message: 'must declare at least one transition' });
      candidates.forEach(({ spec, path }, index) => {
        const specPath = `${eventPath}${path}`;
        if (!states.has(spec.target)) {
          issues.push({
            path: typeof transitionConfig === 'string' ? specPath : `${specPath}.target`,
            message: `must be a declared state; got ${JSON.stringify(spec.target)}`,
          });
        }
        if (spec.guard !== undefined && !guards.has(spec.guard)) {
          issues.push({
            path: `${specPath}.guard`,
            message: `no guard named ${JSON.stringify(spec.guard)} is registered`,
          });
        }
        spec.effects.forEach((effect, effectIndex) => {
          if (!effects.has(effect)) {
            issues.push({
              path: `${specPath}.effects.${effectIndex}`,
              message: `no effect named ${JSON.stringify(effect)} is registered`,
            });
          }
        });
        // An unguarded candidate always wins, so anything after it is dead table rows.
        if (spec.guard === undefined && index < candidates.length - 1) {
          issues.push({ path: specPath, message: 'an unguarded transition must be the last candidate' });
        }
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, { context: 'order process' });
}
