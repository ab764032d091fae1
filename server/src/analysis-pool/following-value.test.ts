import { MessageChannel } from 'node:worker_threads';

import { describe, expect, it, onTestFinished } from 'vitest';

import { receiveFollowing, sendWhenMade } from './following-value.ts';

describe('a value following a task on its port', () => {
  const channel = () => {
    const made = new MessageChannel();
    onTestFinished(() => {
      made.port1.close();
      made.port2.close();
    });
    return made;
  };

  it('reaches the other side once made, without awaiting a message there', async () => {
    const { port1, port2 } = channel();
    const following = sendWhenMade(Promise.resolve({ version: 3, count: 2 }), port1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(receiveFollowing(following, port2)).toEqual({ version: 3, count: 2 });
  });

  it('fails on the other side when it could not be made', async () => {
    const { port1, port2 } = channel();
    const following = sendWhenMade(Promise.reject(new Error('no desired scenario')), port1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => receiveFollowing(following, port2)).toThrow('did not make');
  });

  it('fails on the other side when it is not made in time, rather than waiting for ever', () => {
    const { port1, port2 } = channel();
    const following = sendWhenMade(new Promise(() => undefined), port1);
    expect(() => receiveFollowing(following, port2, 10)).toThrow('did not make');
  });
});
