import { newId } from '../domain/ids.ts';

/** A value with every null and undefined field left out, at any depth (arrays keep their items). */
function withoutNullsDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullsDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null && field !== undefined)
      .map(([key, field]) => [key, withoutNullsDeep(field)]),
  );
}

/**
 * A presentation input as the API takes it, made ready for the generic record commands: a new
 * step gets an id, and a null in a step (GraphQL's "not given") means the field's default.
 */
export function withPresentationSteps<T extends Record<string, unknown>>(input: T): T {
  if (!Array.isArray(input.steps)) return input;
  const steps = input.steps.map((step: unknown) => {
    const fields = withoutNullsDeep(step) as Record<string, unknown>;
    return { ...fields, id: fields.id ?? newId('step') };
  });
  return { ...input, steps };
}
