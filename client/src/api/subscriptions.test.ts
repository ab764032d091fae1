import { describe, expect, it } from 'vitest';

import { ApiError } from './client.ts';
import { toError } from './subscriptions.ts';

describe('live connection errors', () => {
  it('reads the server’s close codes as the refusals they are', () => {
    expect(toError({ code: 4401, reason: 'Unauthorized: the session has ended' }).code).toBe('UNAUTHENTICATED');
    expect(toError({ code: 4403, reason: 'Forbidden: access was withdrawn' }).code).toBe('FORBIDDEN');
    expect(toError({ code: 1006, reason: '' }).code).toBe('NETWORK');
  });

  it('keeps the code of an error the server sent for the subscription', () => {
    const error = toError([{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }]);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('UNAUTHENTICATED');
  });
});
