import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

import { DomainError } from '../domain/errors.ts';

/** The HTTP status of a domain error on the plain HTTP routes (GraphQL answers 200 with the code). */
const STATUS: Partial<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  ORGANISATION_EXISTS: 409,
  DUPLICATE: 409,
  VERSION_CONFLICT: 409,
  DOCUMENT_INVALID: 422,
  IMPORT_TOO_LARGE: 413,
  ANALYSIS_TOO_LARGE: 413,
  ANALYSIS_BUSY: 503,
  REPORT_TOO_LARGE: 413,
};

/** A JSON problem answer: the error code, a message, and the details that locate it. */
export function problem(reply: FastifyReply, status: number, code: string, message: string, details: object = {}) {
  return reply.code(status).send({ code, message, ...details });
}

/** The error handler of the plain HTTP routes: domain errors by their code, anything else logged. */
export function problemHandler(where: string) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) {
      return problem(reply, STATUS[error.code] ?? 400, error.code, error.message, error.details);
    }
    request.log.error({ err: error }, `unexpected error in ${where}`);
    return problem(reply, 500, 'INTERNAL', 'Internal error; it has been logged.');
  };
}
