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
    if (Array.isArray(inner)) return inner.map((e: { message: string }) => validationError(e.message, error));
    if (!original) return [error.extensions.code ? error : validationError(error.message, error)];
    log.error({ err: original, path: error.path }, 'unexpected error in a resolver');
    return [
      new GraphQLError('Internal error; it has been logged.', {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: 'INTERNAL' },
      }),
    ];
  });
  return mercurius.defaultErrorFormatter({ ...execution, errors }, context);
};
