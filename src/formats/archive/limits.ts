/**
 * What one dropped archive may cost. An archive is untrusted input: its entries are counted
 * and their inflated bytes summed across nesting, so a bomb or a flood of tiny entries
 * stops at a named limit instead of filling the tab.
 */
import { formatCap } from '../gzip';

export interface ArchiveLimits {
  /** Entries read (files; folders do not count). 200 pods × 6 kinds is 1,200. */
  maxEntries: number;
  /** Bytes the archive's entries inflate to, summed over every entry and nested archive. */
  maxTotalBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { maxEntries: 2_000, maxTotalBytes: 2 * 1024 * 1024 * 1024 };

/** The archive's running totals against its limits, shared by a nested archive and its parent. */
export class ArchiveBudget {
  entries = 0;
  bytes = 0;
  constructor(readonly limits: ArchiveLimits) {}

  /** Why one more entry of (at least) `size` bytes cannot be read, or null when it can. */
  refusal(size: number): string | null {
    if (this.entries >= this.limits.maxEntries) return `not read: the archive holds more than ${this.limits.maxEntries.toLocaleString('en-US')} entries (the limit)`;
    if (this.bytes + size > this.limits.maxTotalBytes) return this.overMessage();
    return null;
  }

  overMessage(): string {
    return `not read: the archive's entries inflate past the ${formatCap(this.limits.maxTotalBytes)} limit (a zip bomb, or an archive too big to open here)`;
  }
}
