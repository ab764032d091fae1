/**
 * The limits every import is held to, so that no upload (a decompression bomb above all) can
 * exhaust the server's memory or hold its event loop. Each limit refuses with IMPORT_TOO_LARGE,
 * naming the limit and the configuration variable that raises it (config/config.ts reads them).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

import { DomainError } from '../domain/errors.ts';
import { entryPieces, type RawZipEntry } from './zip/zip.ts';

export interface ImportLimits {
  /** Bytes of the uploaded file itself. */
  maxUploadBytes: number;
  /**
   * Bytes of content read: the file's own bytes, and for ZIP and XLSX the bytes of the entries
   * read once inflated. The text the cells hold is counted against it too (a shared string of
   * an XLSX counts each time a cell uses it).
   */
  maxUncompressedBytes: number;
  /** Inflated bytes per compressed byte of one ZIP entry (checked past the first MiB). */
  maxCompressionRatio: number;
  /** Data rows over all sheets (nodes and edges for GraphML, records for JSON). */
  maxRows: number;
  /** Problems found before the file is refused as a whole. */
  maxIssues: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxUploadBytes: 100 * MIB,
  maxUncompressedBytes: 256 * MIB,
  maxCompressionRatio: 100,
  maxRows: 250_000,
  maxIssues: 10_000,
};

/** The environment variable that sets each limit, and how its value reads to a person. */
export const IMPORT_LIMIT_SETTINGS: Readonly<
  Record<keyof ImportLimits, { variable: string; describe: (value: number) => string }>
> = {
  maxUploadBytes: { variable: 'IMPORT_MAX_UPLOAD_MB', describe: (value) => `${value / MIB} MiB` },
  maxUncompressedBytes: { variable: 'IMPORT_MAX_UNCOMPRESSED_MB', describe: (value) => `${value / MIB} MiB` },
  maxCompressionRatio: { variable: 'IMPORT_MAX_COMPRESSION_RATIO', describe: (value) => `${value}:1` },
  maxRows: { variable: 'IMPORT_MAX_ROWS', describe: (value) => `${value.toLocaleString('en')} rows` },
  maxIssues: { variable: 'IMPORT_MAX_ISSUES', describe: (value) => `${value.toLocaleString('en')} problems` },
};

/** Inflated bytes an entry may reach before its compression ratio is judged: small files compress freely. */
const RATIO_FLOOR_BYTES = MIB;

/**
 * The refusal of an import that is over `limit`: what went over, the limit, and the variable
 * that raises it. `extra` adds details (the first issues, for too many issues).
 */
export function importTooLarge(
  limits: ImportLimits,
  limit: keyof ImportLimits,
  what: string,
  extra: Record<string, unknown> = {},
): DomainError {
  const { variable, describe } = IMPORT_LIMIT_SETTINGS[limit];
  return new DomainError(
    'IMPORT_TOO_LARGE',
    `${what}: the limit is ${describe(limits[limit])} (the server's ${variable} setting raises it).`,
    { limit, max: limits[limit], setting: variable, ...extra },
  );
}

export function isImportTooLarge(error: unknown): error is DomainError {
  return error instanceof DomainError && error.code === 'IMPORT_TOO_LARGE';
}

/**
 * Counts the content an import reads, across all its entries and cells, and refuses it past the
 * limits. One budget serves one import.
 */
export class ContentBudget {
  private bytes = 0;
  private text = 0;

  constructor(readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS) {}

  private take(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > this.limits.maxUncompressedBytes) {
      throw importTooLarge(this.limits, 'maxUncompressedBytes', 'The file holds more content than the server reads');
    }
  }

  /** Counts the characters of cells kept for the import (an XLSX may repeat one shared string endlessly). */
  takeText(characters: number): void {
    this.text += characters;
    if (this.text > this.limits.maxUncompressedBytes) {
      throw importTooLarge(
        this.limits,
        'maxUncompressedBytes',
        'The cells of the file hold more text than the server reads',
      );
    }
  }

  /** The upload's bytes as they come, refused past the upload limit. */
  async *upload(input: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
    let size = 0;
    for await (const chunk of input) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buffer.length;
      if (size > this.limits.maxUploadBytes) {
        throw importTooLarge(this.limits, 'maxUploadBytes', 'The file is larger than the server accepts');
      }
      yield buffer;
    }
  }

  /** A file read as it is (CSV, GraphML, JSON): its bytes are its content. */
  async *plain(input: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
    for await (const buffer of this.upload(input)) {
      this.take(buffer.length);
      yield buffer;
    }
  }

  /**
   * A ZIP entry's bytes as they inflate (off the event loop, in zlib's thread pool), counted as
   * they come, never trusting the sizes the ZIP declares: the entry is refused as soon as it
   * passes the content limit or inflates more than the allowed ratio. Between pieces the event
   * loop is let through, so other requests are answered while a large entry is read.
   */
  async *entry(entry: RawZipEntry): AsyncGenerator<Buffer> {
    let inflated = 0;
    for await (const { data, compressedRead } of entryPieces(entry)) {
      inflated += data.length;
      this.take(data.length);
      // Judged on the compressed bytes read so far, so a bomb is stopped within its first MiBs.
      const ratio = inflated / Math.max(1, compressedRead);
      if (inflated > RATIO_FLOOR_BYTES && ratio > this.limits.maxCompressionRatio) {
        throw importTooLarge(
          this.limits,
          'maxCompressionRatio',
          `"${entry.name}" inflates to ${Math.floor(ratio)} times its compressed size`,
        );
      }
      yield data;
      await nextTurn();
    }
  }
}

/** How many of the problems a refusal for too many problems lists, so that fixing can start. */
const ISSUES_LISTED = 1000;

/** Refuses an import with more problems than the limit, listing the first of them. */
export function checkIssueCount(issues: readonly unknown[], limits: ImportLimits): void {
  if (issues.length > limits.maxIssues) {
    throw importTooLarge(limits, 'maxIssues', 'The file has more problems than the server lists', {
      issues: issues.slice(0, Math.min(ISSUES_LISTED, limits.maxIssues)),
    });
  }
}

/** Refuses an import of more rows (records) than the limit. */
export function checkRowCount(rows: number, limits: ImportLimits): void {
  if (rows > limits.maxRows) throw importTooLarge(limits, 'maxRows', 'The file has more rows than the server reads');
}

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/**
 * Refuses an interchange document (not yet checked, so of any shape) with more records than the
 * row limit allows, before any work is spent on checking them.
 */
export function checkDocumentSize(value: unknown, limits: ImportLimits): void {
  if (!value || typeof value !== 'object') return;
  const document = value as Record<string, unknown>;
  let records = lengthOf(document.units) + lengthOf(document.actors) + lengthOf(document.presentations);
  for (const scenario of Array.isArray(document.scenarios) ? (document.scenarios as unknown[]) : []) {
    records += 1;
    if (!scenario || typeof scenario !== 'object') continue;
    const { links, arenas, perceptions, initiatives } = scenario as Record<string, unknown>;
    records += lengthOf(links) + lengthOf(arenas) + lengthOf(perceptions) + lengthOf(initiatives);
  }
  checkRowCount(records, limits);
}
