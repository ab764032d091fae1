/**
 * What is wrong with the outer shape of a GraphQL request, before Mercurius reads it: Fastify's
 * schema validation coerces types (`{"query": 42}` reached the parser as a number and failed as
 * an internal error) and reports a wrong shape as a GraphQL validation error. A request that is
 * not `{ query: string, variables?: object, operationName?: string, extensions?: object }` is a
 * bad request (HTTP 400), whatever is inside it.
 *
 * `source` is the POST body, or the GET query string (where variables and extensions are JSON text).
 * @returns a sentence naming the field and what it must be, or null when the shape is right.
 */
export function requestShapeProblem(source: unknown, method: 'GET' | 'POST'): string | null {
  if (Array.isArray(source)) return 'Batched requests (a JSON array) are not accepted: send one operation per request.';
  if (source === null || typeof source !== 'object') return 'The request must be a JSON object with a "query".';
  const { query, variables, operationName, extensions } = source as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') return '"query" must be a non-empty string.';
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return '"operationName" must be a string.';
  }
  const objectProblem = (name: string, value: unknown, isNullAllowed: boolean): string | null => {
    if (value === undefined || (isNullAllowed && value === null)) return null;
    const parsed = method === 'GET' ? parseJson(value) : value;
    return isPlainObject(parsed)
      ? null
      : `"${name}" must be ${method === 'GET' ? 'the JSON text of ' : ''}an object of names and values.`;
  };
  return objectProblem('variables', variables, true) ?? objectProblem('extensions', extensions, false);
}

function isPlainObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
