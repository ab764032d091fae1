import { formatPath } from '@kopplingskartan/schema/interchange';
import type { z } from 'zod';

import type { FieldIssue, IssueReason } from './errors.ts';

function reasonOf(issue: z.core.$ZodIssue): IssueReason {
  if (issue.code === 'too_big') return 'TOO_LONG';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'REQUIRED';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'REQUIRED';
  return 'INVALID';
}

/** Zod's issues as field issues, each path prefixed (`scenarios[0].links[2]` + `.targetId`). */
export function zodFieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const field = prefix && path ? `${prefix}${path.startsWith('[') ? '' : '.'}${path}` : prefix || path;
    return { field, reason: reasonOf(issue), message: issue.message, value: issue.input };
  });
}
