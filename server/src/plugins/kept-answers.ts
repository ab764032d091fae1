import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

import { LRUCache } from 'lru-cache';

const gzipAsync = promisify(gzip);

/** Answers this size and up are kept gzipped too; smaller ones gain little from it. */
const GZIP_FROM_BYTES = 16 * 1024;

export interface KeptAnswer {
  body: Buffer;
  /** The body gzipped, once zlib (in libuv's thread pool, off the event loop) has done it. */
  gzipped: Buffer | null;
}

/**
 * Answers by key, least recently used leaving first within `maxBytes` (key, body and gzipped
 * body counted), none larger than `maxEntryBytes`. Each is gzipped once, after it is kept, so
 * that a large map goes over the network compressed without compressing it per request.
 */
export class KeptAnswers {
  private readonly answers: LRUCache<string, KeptAnswer>;

  constructor(maxBytes: number, maxEntryBytes: number) {
    this.answers = new LRUCache<string, KeptAnswer>({
      maxSize: maxBytes,
      maxEntrySize: maxEntryBytes,
      sizeCalculation: (answer, key) => answer.body.length + (answer.gzipped?.length ?? 0) + key.length,
    });
  }

  get(key: string): KeptAnswer | undefined {
    return this.answers.get(key);
  }

  keep(key: string, body: Buffer): void {
    const answer: KeptAnswer = { body, gzipped: null };
    this.answers.set(key, answer);
    if (body.length < GZIP_FROM_BYTES || !this.answers.has(key)) return;
    void gzipAsync(body).then((gzipped) => {
      // Unless it left (or was replaced) meanwhile; set again, so that its size counts the gzipped bytes.
      if (this.answers.peek(key) === answer) this.answers.set(key, { body, gzipped });
    });
  }
}
