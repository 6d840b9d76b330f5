// Zip files built byte by byte, for workbooks a hostile or broken tool could write: parts whose
// declared size is what they hold, or a lie. Deflated with node:zlib; a part may be given already
// deflated (a zip bomb is deflated as a stream, never held whole in memory).
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';

export interface ZipEntry {
  name: string;
  /** the deflated bytes */
  deflated: Uint8Array;
  /** the uncompressed size written in the headers (a lie when it differs from the real one) */
  size: number;
  crc: number;
}

export function entryOf(name: string, content: Uint8Array | string): ZipEntry {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/** `size` bytes of `fill`, deflated as a stream in 1 MiB chunks: about size / 1000 bytes. */
export async function bombEntry(name: string, size: number, fill = 0x20): Promise<ZipEntry> {
  const chunk = Buffer.alloc(1024 * 1024, fill);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { name, deflated: Buffer.concat(out), size, crc };
}

/** The zip holding the entries (local headers, data, central directory, end record). */
export function zip(entries: readonly ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(enc.encode(e.name));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(Math.min(e.size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(e.crc >>> 0, 16);
    head.writeUInt32LE(e.deflated.length, 20);
    head.writeUInt32LE(Math.min(e.size, 0xffffffff), 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.deflated));
    central.push(head, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** The parts of a workbook written by SheetJS (as Excel lays them out), by name. */
export function partsOf(xlsx: Uint8Array): Map<string, Uint8Array> {
  const cfb = XLSX.CFB.read(xlsx, { type: 'array' });
  const parts = new Map<string, Uint8Array>();
  cfb.FileIndex.forEach((f: { type: number; content?: unknown }, i: number) => {
    if (f.type === 2 && f.content && !cfb.FullPaths[i]!.includes('\u0001')) parts.set(cfb.FullPaths[i]!.replace(/^[^/]*\//, ''), Uint8Array.from(f.content as ArrayLike<number>));
  });
  return parts;
}
