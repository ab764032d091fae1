/**
 * The little of ZIP that a folder of CSV files needs: writing deflated entries and reading them
 * back. Node has deflate and CRC-32 built in, so no dependency is needed; ZIP64 (over 4 GiB) is
 * refused rather than half supported.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

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
  const central: Buffer[] = [];
  let offset = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    if (offset + compressed.length > 0xfffffff0) throw new Error('the ZIP file would exceed 4 GiB');
    const local = localHeader(name, crc, compressed.length, entry.data.length);
    central.push(centralHeader(name, crc, compressed.length, entry.data.length, offset));
    offset += local.length + compressed.length;
    yield local;
    yield compressed;
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
  method: number;
  crc: number;
  size: number;
  raw: Buffer;
}

/** The entries of a ZIP file (stored or deflated), read from its central directory. */
export function* readZip(zip: Buffer): Generator<ZipEntry> {
  for (const entry of readZipRaw(zip)) {
    if (entry.method !== 0 && entry.method !== 8) {
      throw new Error(`ZIP entry "${entry.name}" uses an unsupported compression method`);
    }
    yield { name: entry.name, data: entry.method === 8 ? inflateRawSync(entry.raw) : Buffer.from(entry.raw) };
  }
}

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
    if (zip.readUInt32LE(position) !== 0x02014b50) throw new Error('damaged ZIP central directory');
    const method = zip.readUInt16LE(position + 10);
    const crc = zip.readUInt32LE(position + 16);
    const size = zip.readUInt32LE(position + 24);
    const compressed = zip.readUInt32LE(position + 20);
    const nameLength = zip.readUInt16LE(position + 28);
    const extraLength = zip.readUInt16LE(position + 30);
    const commentLength = zip.readUInt16LE(position + 32);
    const local = zip.readUInt32LE(position + 42);
    if (compressed === 0xffffffff || local === 0xffffffff) throw new Error('ZIP64 files are not supported');
    const name = zip.toString('utf8', position + 46, position + 46 + nameLength);
    position += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    yield { name, method, crc, size, raw: zip.subarray(start, start + compressed) };
  }
}
