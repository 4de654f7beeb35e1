/**
 * Where an entry lies: its place among its archive's entries, then, for an entry of an
 * archive nested in it, its place in that one. Reading the archive again finds it there.
 */
export type EntryAddress = readonly number[];

/** One entry of an archive as its reader gives it: the bytes, or why they could not be read. */
export type ArchiveEntry = { path: string; at: EntryAddress; bytes: Uint8Array } | { path: string; at: EntryAddress; error: string };

/** An entry as a format's reader gives it: its place in this archive alone. */
export type RawEntry = { path: string; at: number; bytes: Uint8Array } | { path: string; at: number; error: string };

/** Which entries of one archive to read (by place); others are passed over unread. */
export type Wanted = (at: number) => boolean;

/** Thrown by a sink that refuses more bytes; the readers turn it into the entry's error. */
export class EntryRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntryRefused';
  }
}

/** Collects one entry's bytes, refusing past `limit` (the archive's remaining budget). */
export class EntrySink {
  private readonly chunks: Uint8Array[] = [];
  size = 0;
  constructor(
    private readonly limit: number,
    private readonly overMessage: string,
  ) {}

  push(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.size > this.limit) throw new EntryRefused(this.overMessage);
    this.chunks.push(chunk);
  }

  bytes(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0];
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
