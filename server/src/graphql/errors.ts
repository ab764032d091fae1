import { createRequire } from 'node:module';

import type { FastifyBaseLogger } from 'fastify';
import type * as graphql from 'graphql';
import { GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import mercurius, { type MercuriusCommonOptions } from 'mercurius';

import { DomainError } from '../domain/errors.ts';

type Formatter = NonNullable<MercuriusCommonOptions['errorFormatter']>;

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

/**
 * One error as the API answers it, over HTTP and WebSocket alike: a domain error with its code
 * and details, a schema or coercion error tagged GRAPHQL_VALIDATION_FAILED (or its own code), a
 * refusal by Fastify as BAD_REQUEST / BODY_TOO_LARGE, and anything unexpected logged and hidden
 * behind INTERNAL.
 */
export function codedErrors(error: GraphQLError, log: FastifyBaseLogger): GraphQLError[] {
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
}

/**
 * graphql-js ends a message about an unknown field, argument, type or enum value with its
 * guesses ("… Did you mean "personName"?"), which spell the schema out to someone who may not
 * read it: with introspection off, they are cut.
 */
export function withoutSuggestions(error: GraphQLError): GraphQLError {
  const message = error.message.replace(/\s*Did you mean [\s\S]*\?$/, '');
  if (message === error.message) return error;
  return new GraphQLError(message, { nodes: error.nodes, path: error.path, extensions: error.extensions });
}

// Mercurius runs the CommonJS build of graphql; its schema objects fail the ESM build's checks.
const graphqlCjs = createRequire(import.meta.url)('graphql') as typeof graphql;

/** What is wrong with a subscription document, as coded errors: the standard rules and ours. */
export function subscriptionRefusals(
  schema: GraphQLSchema,
  source: string,
  rules: readonly ValidationRule[],
  log: FastifyBaseLogger,
): GraphQLError[] {
  const errors = graphqlCjs.validate(schema, graphqlCjs.parse(source), [...graphqlCjs.specifiedRules, ...rules]);
  return errors.flatMap((error) => codedErrors(error, log));
}

export interface FormatterOptions {
  /** Introspection is off: answers must not suggest field names either. */
  isSchemaHidden: boolean;
}

export function errorFormatter(options: FormatterOptions): Formatter {
  return (execution, context) => {
    const log = context.reply?.log ?? context.app.log;
    const coded = execution.errors.flatMap((error) => codedErrors(error, log));
    const errors = options.isSchemaHidden ? coded.map(withoutSuggestions) : coded;
    const formatted = mercurius.defaultErrorFormatter({ ...execution, errors }, context);
    const status = errors.map((error) => error.extensions.statusCode).find((code) => typeof code === 'number');
    return typeof status === 'number' ? { ...formatted, statusCode: status } : formatted;
  };
}
