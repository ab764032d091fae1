import { GraphQLError } from 'graphql';
import mercurius, { type MercuriusCommonOptions } from 'mercurius';

import { DomainError } from '../domain/errors.ts';

type Formatter = NonNullable<MercuriusCommonOptions['errorFormatter']>;

/**
 * Turns domain errors into GraphQL errors whose `extensions` carry the code and details (the
 * client translates the code), tags schema validation errors, and hides unexpected errors
 * behind INTERNAL after logging them with the request's context.
 */
function validationError(message: string, error: GraphQLError): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}

interface InnerError {
  message: string;
  code?: string;
  extensions?: { code?: unknown };
}

/** Our own validation rules set a code (QUERY_TOO_COMPLEX); Mercurius's depth limit names its own. */
function innerError(inner: InnerError, error: GraphQLError): GraphQLError {
  const code =
    inner.code === 'MER_ERR_GQL_QUERY_DEPTH'
      ? 'QUERY_TOO_COMPLEX'
      : typeof inner.extensions?.code === 'string'
        ? inner.extensions.code
        : null;
  if (!code) return validationError(inner.message, error);
  return new GraphQLError(inner.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { ...inner.extensions, code },
  });
}

export const errorFormatter: Formatter = (execution, context) => {
  const log = context.reply?.log ?? context.app.log;
  const errors = execution.errors.flatMap((error): GraphQLError[] => {
    const original = error.originalError;
    if (original instanceof DomainError) {
      return [
        new GraphQLError(original.message, {
          nodes: error.nodes,
          path: error.path,
          extensions: { code: original.code, ...original.details },
        }),
      ];
    }
    // Mercurius wraps schema validation and variable coercion errors in one MER_ERR_GQL_VALIDATION
    // whose `errors` say what is wrong: pass each of them on.
    const inner = (original as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(inner)) return inner.map((e: InnerError) => innerError(e, error));
    if (!original) return [error.extensions.code ? error : validationError(error.message, error)];
    const status = (original as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's own refusals (body too large, malformed JSON) reach us through Mercurius.
      return [
        new GraphQLError(original.message, {
          nodes: error.nodes,
          path: error.path,
          extensions: { code: status === 413 ? 'BODY_TOO_LARGE' : 'BAD_REQUEST', statusCode: status },
        }),
      ];
    }
    log.error({ err: original, path: error.path }, 'unexpected error in a resolver');
    return [
      new GraphQLError('Internal error; it has been logged.', {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: 'INTERNAL' },
      }),
    ];
  });
  const formatted = mercurius.defaultErrorFormatter({ ...execution, errors }, context);
  const status = errors.map((error) => error.extensions.statusCode).find((code) => typeof code === 'number');
  return typeof status === 'number' ? { ...formatted, statusCode: status } : formatted;
};
