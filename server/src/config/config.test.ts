import { describe, expect, it } from 'vitest';

import { readConfig, readPasswordHashCost } from './config.ts';

describe('readConfig', () => {
  it('takes the password-guessing limits from the environment, in the throttle’s units', () => {
    const config = readConfig({
      LOGIN_ATTEMPTS_PER_ADDRESS: '30',
      LOGIN_FAILURES_PER_ACCOUNT: '5',
      LOGIN_WINDOW_MINUTES: '2',
    });
    expect(config.auth.loginThrottle).toEqual({ perAddress: 30, failuresPerEmail: 5, windowMs: 120_000 });
    expect(readConfig({}).auth.loginThrottle).toEqual({ perAddress: 10, failuresPerEmail: 10, windowMs: 900_000 });
  });

  it('keeps the analysis threads from the start unless told not to', () => {
    expect(readConfig({}).analysis.keepsThreads).toBe(true);
    expect(readConfig({ ANALYSIS_THREADS_KEPT: 'false' }).analysis.keepsThreads).toBe(false);
    expect(() => readConfig({ ANALYSIS_THREADS_KEPT: 'yes' })).toThrow(/ANALYSIS_THREADS_KEPT/);
  });

  it('refuses a limit that is not a positive whole number, naming the variable', () => {
    expect(() => readConfig({ LOGIN_ATTEMPTS_PER_ADDRESS: '0' })).toThrow(/LOGIN_ATTEMPTS_PER_ADDRESS/);
    expect(() => readConfig({ LOGIN_FAILURES_PER_ACCOUNT: '2.5' })).toThrow(/LOGIN_FAILURES_PER_ACCOUNT/);
  });

  it('hashes passwords at cost 15 unless told, and refuses a lower cost in production', () => {
    expect(readPasswordHashCost({})).toBe(15);
    expect(readPasswordHashCost({ PASSWORD_HASH_COST: '12' })).toBe(12);
    expect(() => readPasswordHashCost({ PASSWORD_HASH_COST: '9' })).toThrow();
    expect(() => readConfig({ PASSWORD_HASH_COST: '18' })).toThrow(/PASSWORD_HASH_COST/);
    expect(() => readConfig({ PASSWORD_HASH_COST: '12', NODE_ENV: 'production' })).toThrow(/PASSWORD_HASH_COST/);
    expect(() => readConfig({ PASSWORD_HASH_COST: '12' })).not.toThrow();
  });
});
