/**
 * The little of ZIP that a folder of CSV files and an XLSX workbook need: writing deflated
 * entries, and reading an entry back as a stream of inflated pieces. Node has deflate, inflate and
 * CRC-32 built in, so no dependency is needed; ZIP64 (over 4 GiB) is refused rather than half
 * supported. Reading never trusts the sizes an entry declares (import-limits.ts counts what
 * actually inflates) and inflates nothing until the entry is read.
 */
import { crc32, createInflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

function localHeader(name: Buffer, crc: number, compressed: number, size: number, method = 8): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6); // names are UTF-8
  header.writeUInt16LE(method, 8); // 8 = deflate, 0 = stored
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(DOS_DATE_1980, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function centralHeader(
  name: Buffer,
  crc: number,
  compressed: number,
  size: number,
  offset: number,
  method = 8,
): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x0800, 8);
  header.writeUInt16LE(method, 10);
  header.writeUInt16LE(0, 12);
  header.writeUInt16LE(DOS_DATE_1980, 14);
  header.writeUInt32LE(crc, 16);
  header.writeUInt32LE(compressed, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, name]);
}

/** Writes entries one at a time: only one entry's data is in memory at once. */
export async function* zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Buffer> {
  async function* deflated(): AsyncGenerator<RawZipEntry> {
    for await (const entry of entries) {
      yield {
        name: entry.name,
        method: 8,
        crc: crc32(entry.data),
        size: entry.data.length,
        raw: deflateRawSync(entry.data),
      };
    }
  }
  yield* zipRawStream(deflated());
}

/** Writes entries whose data is already compressed (`raw`, by `method`) as they are. */
export async function* zipRawStream(
  entries: AsyncIterable<RawZipEntry> | Iterable<RawZipEntry>,
): AsyncGenerator<Buffer> {
  const central: Buffer[] = [];
  let offset = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    if (offset + entry.raw.length > 0xfffffff0) throw new Error('the ZIP file would exceed 4 GiB');
    const local = localHeader(name, entry.crc, entry.raw.length, entry.size, entry.method);
    central.push(centralHeader(name, entry.crc, entry.raw.length, entry.size, offset, entry.method));
    offset += local.length + entry.raw.length;
    yield local;
    yield entry.raw;
  }
  yield* endOfZip(central, offset);
}

function* endOfZip(central: Buffer[], offset: number): Generator<Buffer> {
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield directory;
  yield end;
}

/** An entry as stored: its compressed bytes untouched, to be inflated when it is read. */
export interface RawZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  /** The uncompressed size the ZIP declares: never trusted when reading. */
  size: number;
  raw: Buffer;
}

/** Pieces an entry is read in, inflated or stored. */
const PIECE = 64 * 1024;

/** A piece of an entry, and how many of the entry's compressed bytes were read to make it and those before. */
export interface EntryPiece {
  data: Buffer;
  compressedRead: number;
}

/**
 * An entry's bytes, in pieces of at most 64 KiB, inflated as they are asked for (zlib works in
 * its thread pool and stops while the pieces are not taken, so nothing piles up in memory).
 */
export async function* entryPieces(entry: RawZipEntry): AsyncGenerator<EntryPiece> {
  if (entry.method === 0) {
    for (let at = 0; at < entry.raw.length; at += PIECE) {
      const data = entry.raw.subarray(at, at + PIECE);
      yield { data, compressedRead: at + data.length };
    }
    return;
  }
  if (entry.method !== 8) throw new Error(`ZIP entry "${entry.name}" uses an unsupported compression method`);
  const inflate = createInflateRaw({ chunkSize: PIECE });
  inflate.end(entry.raw);
  try {
    for await (const data of inflate) yield { data: data as Buffer, compressedRead: inflate.bytesWritten };
  } finally {
    inflate.destroy();
  }
}

/** A field of the ZIP, read where the file says, refused when that is outside the file. */
function at(zip: Buffer, position: number, length: number): number {
  if (position < 0 || position + length > zip.length) throw new Error('damaged ZIP file (a record points outside it)');
  return position;
}

/** The entries of a ZIP file (stored or deflated), from its central directory, none of them inflated. */
export function* readZipRaw(zip: Buffer): Generator<RawZipEntry> {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP file (no end of central directory)');
  const count = zip.readUInt16LE(end + 10);
  let position = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at(zip, position, 46)) !== 0x02014b50) throw new Error('damaged ZIP central directory');
    const method = zip.readUInt16LE(position + 10);
    const crc = zip.readUInt32LE(position + 16);
    const compressed = zip.readUInt32LE(position + 20);
    const size = zip.readUInt32LE(position + 24);
    const nameLength = zip.readUInt16LE(position + 28);
    const extraLength = zip.readUInt16LE(position + 30);
    const commentLength = zip.readUInt16LE(position + 32);
    const local = zip.readUInt32LE(position + 42);
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) {
      throw new Error('ZIP64 files are not supported');
    }
    const name = zip.toString('utf8', position + 46, at(zip, position + 46, nameLength) + nameLength);
    position += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (zip.readUInt32LE(at(zip, local, 30)) !== 0x04034b50) throw new Error(`damaged ZIP entry "${name}"`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    yield { name, method, crc, size, raw: zip.subarray(at(zip, start, compressed), start + compressed) };
  }
}
