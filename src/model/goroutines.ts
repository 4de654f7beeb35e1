/**
 * GoroutineDump: one row per goroutine of a debug=2 / panic / SIGQUIT dump, beside the
 * Profile made from the same text. Stacks and created-by locations are indices into
 * that Profile (its stack trie and frame table), so frames are stored once.
 */
import { GrowableFloat64, GrowableInt32 } from './growable';
import { StringTable } from './string-table';

/** Bits of GoroutineDump.flags. */
export const G_ELIDED = 1; // the runtime cut frames out of the middle of the stack
export const G_TRUNCATED = 2; // the text ended inside this goroutine
export const G_NO_STACK = 4; // "goroutine running on other thread; stack unavailable"
export const G_LEAKED = 8; // marked "(leaked)" by the runtime's leak detector

export interface DumpSection {
  /** 1-based line where the section's first goroutine (or its title) is. */
  line: number;
  /** "panic: …", "SIGQUIT: quit", … or "" when the dump had no such line. */
  title: string;
}

export interface GoroutineDump {
  count: number;
  /** Goroutine id (Float64: ids are uint64 in Go). */
  id: Float64Array;
  /** Index into `states`. */
  state: Int32Array;
  states: string[];
  /** Minutes blocked as printed, -1 when not printed. */
  waitMinutes: Int32Array;
  /** 1 when "locked to thread". */
  locked: Uint8Array;
  /** Frame (in the Profile) of the `created by` function and location, -1 when none. */
  createdBy: Int32Array;
  /** Id of the goroutine that created this one, -1 when not printed (Go < 1.21). */
  parentId: Float64Array;
  /** Leaf node of the goroutine's stack in the Profile's trie. */
  stack: Int32Array;
  /** The Profile sample this goroutine is counted in. */
  sample: Int32Array;
  /** G_* bits. */
  flags: Uint8Array;
  /** 1-based line of the goroutine header in the text. */
  line: Int32Array;
  /** Index into `sections` (a file can hold several dumps, e.g. two SIGQUITs). */
  section: Int32Array;
  sections: DumpSection[];
  warnings: string[];
}

/** Appends goroutine rows into columns; states are interned here. */
export class GoroutineDumpBuilder {
  private readonly id: GrowableFloat64;
  private readonly state: GrowableInt32;
  private readonly wait: GrowableInt32;
  private readonly createdBy: GrowableInt32;
  private readonly parentId: GrowableFloat64;
  private readonly stack: GrowableInt32;
  private readonly sample: GrowableInt32;
  /** locked (bit 8) | flags (low bits), packed to save a column while building. */
  private readonly bits: GrowableInt32;
  private readonly line: GrowableInt32;
  private readonly section: GrowableInt32;
  private readonly states = new StringTable([]);

  constructor(capacityHint = 1024) {
    const n = Math.max(16, capacityHint);
    this.id = new GrowableFloat64(n);
    this.state = new GrowableInt32(n);
    this.wait = new GrowableInt32(n);
    this.createdBy = new GrowableInt32(n);
    this.parentId = new GrowableFloat64(n);
    this.stack = new GrowableInt32(n);
    this.sample = new GrowableInt32(n);
    this.bits = new GrowableInt32(n);
    this.line = new GrowableInt32(n);
    this.section = new GrowableInt32(n);
  }

  get count(): number {
    return this.id.length;
  }

  internState(s: string): number {
    return this.states.intern(s);
  }

  /** Positional, so a million goroutines make no garbage. */
  add(
    id: number,
    /** From internState. */
    state: number,
    waitMinutes: number,
    locked: boolean,
    createdBy: number,
    parentId: number,
    stack: number,
    sample: number,
    flags: number,
    line: number,
    section: number,
  ): void {
    this.id.push(id);
    this.state.push(state);
    this.wait.push(waitMinutes);
    this.createdBy.push(createdBy);
    this.parentId.push(parentId);
    this.stack.push(stack);
    this.sample.push(sample);
    this.bits.push((locked ? 256 : 0) | flags);
    this.line.push(line);
    this.section.push(section);
  }

  build(sections: DumpSection[], warnings: string[]): GoroutineDump {
    const bits = this.bits.finish();
    const locked = new Uint8Array(bits.length);
    const flags = new Uint8Array(bits.length);
    for (let i = 0; i < bits.length; i++) {
      locked[i] = bits[i] >> 8;
      flags[i] = bits[i] & 255;
    }
    return {
      count: this.id.length,
      id: this.id.finish(),
      state: this.state.finish(),
      states: this.states.list,
      waitMinutes: this.wait.finish(),
      locked,
      createdBy: this.createdBy.finish(),
      parentId: this.parentId.finish(),
      stack: this.stack.finish(),
      sample: this.sample.finish(),
      flags,
      line: this.line.finish(),
      section: this.section.finish(),
      sections,
      warnings,
    };
  }
}
