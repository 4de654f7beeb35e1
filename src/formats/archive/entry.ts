/** One entry of an archive as its reader gives it: the bytes, or why they could not be read. */
export type ArchiveEntry = { path: string; bytes: Uint8Array } | { path: string; error: string };

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
