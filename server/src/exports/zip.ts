import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

/** Entries and sizes past these need ZIP64, which no export comes near (a 10,000-contribution Word file is ~10 MB). */
const MAX_SIZE = 0xffffffff;
const MAX_ENTRIES = 0xffff;

/** MS-DOS date and time of a moment (UTC), as ZIP stores them. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  compressed: number;
}

/**
 * A ZIP archive written straight into a stream, one entry after another: each entry deflated
 * as its content arrives (its CRC and sizes follow it in a data descriptor), so no entry is
 * ever held whole in memory. Enough of the format for Office files: deflate, UTF-8 names,
 * no ZIP64, no encryption. Backpressure from `out` is honoured.
 */
/** About how many bytes of an entry's content are deflated at a time. */
const CHUNK = 64 * 1024;

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly time: number;
  private readonly date: number;

  constructor(
    private readonly out: Writable,
    at: Date,
  ) {
    ({ time: this.time, date: this.date } = dosDateTime(at));
  }

  private async write(data: Buffer): Promise<void> {
    if (this.out.destroyed) throw new Error('export aborted: the client went away');
    this.offset += data.length;
    if (!this.out.write(data)) await once(this.out, 'drain');
  }

  /** Adds one entry; its content is an iterable of text (UTF-8) or bytes, read as it is deflated. */
  async add(name: string, content: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>) {
    if (this.entries.length >= MAX_ENTRIES) throw new Error('zip: too many entries');
    const entry: Entry = { name: Buffer.from(name, 'utf8'), offset: this.offset, crc: 0, size: 0, compressed: 0 };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0808, 6); // bit 3: sizes in the data descriptor; bit 11: UTF-8 name
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.time, 10);
    header.writeUInt16LE(this.date, 12);
    // CRC and sizes (14–25) stay 0 here: they follow the data.
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28);
    await this.write(Buffer.concat([header, entry.name]));

    // The content's pieces (a contribution's XML is a few KB) go to deflate in chunks of about
    // CHUNK bytes: each chunk written to zlib is a round trip to its thread, so small ones left
    // the main thread waiting on zlib rather than writing the next contribution.
    const count = async function* (source: AsyncIterable<string | Uint8Array>) {
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      const flush = () => {
        const bytes = pending.length === 1 ? (pending[0] as Uint8Array) : Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        entry.crc = crc32(bytes, entry.crc);
        entry.size += bytes.length;
        return bytes;
      };
      for await (const chunk of source) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (bytes.length === 0) continue;
        pending.push(bytes);
        pendingBytes += bytes.length;
        if (pendingBytes >= CHUNK) yield flush();
      }
      if (pendingBytes > 0) yield flush();
    };
    const measure = async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        entry.compressed += chunk.length;
        yield chunk;
      }
    };
    const start = this.offset;
    await pipeline(Readable.from(content), count, createDeflateRaw({ level: 6 }), measure, this.out, { end: false });
    this.offset = start + entry.compressed;
    if (entry.size > MAX_SIZE || entry.compressed > MAX_SIZE || this.offset > MAX_SIZE)
      throw new Error('zip: entry too large for a ZIP without ZIP64');

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.write(descriptor);
    this.entries.push(entry);
  }

  /** Writes the central directory and ends `out`. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.time, 12);
      h.writeUInt16LE(this.date, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk, internal and external attributes: 0
      h.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    this.out.end();
    await finished(this.out, { readable: false });
  }
}
