import { describe, expect, it } from 'vitest';

import { DomainError } from '../domain/errors.ts';
import { analysisResolvers, toParameterValues } from './analysis.resolvers.ts';

describe('analysis resolvers', () => {
  it('refuses an unknown parameter and a value of the wrong type, naming the field', () => {
    expect(() => toParameterValues([{ analysis: 'islands', name: 'size', value: 2 }])).toThrow(DomainError);
    // Caught here, so that a value let through fails the test instead of skipping its check.
    const refusal = (() => {
      try {
        toParameterValues([{ analysis: 'keyActors', name: 'samples', value: 1.5 }]);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).details.field).toBe('parameters[0].value');
    expect(toParameterValues([{ analysis: 'keyActors', name: 'confidence', value: 0.9 }])).toEqual({
      keyActors: { confidence: 0.9 },
    });
  });

  it('lists the nine analyses', () => {
    const analyses = analysisResolvers.Query!.analyses as unknown as () => Array<{ id: string }>;
    expect(analyses().map((a) => a.id)).toHaveLength(9);
  });
});
