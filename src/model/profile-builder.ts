import { GrowableFloat64, GrowableInt32 } from './growable';
import type { Profile, ProfileMeta } from './profile';
import { ROOT_NODE } from './profile';
import { StringTable } from './string-table';
import { FrameTableBuilder, LabelTableBuilder } from './table-builders';

/**
 * Builds a columnar Profile incrementally. Every parser that is not pprof itself
 * (folded stacks, goroutine dumps, trace-derived profiles) goes through here, so
 * interning and the stack trie are written once.
 */
export class ProfileBuilder {
  private readonly strings = new StringTable();

  private readonly frames = new FrameTableBuilder();

  private readonly nodeParent = new GrowableInt32();
  private readonly nodeFrame = new GrowableInt32();
  /** (parent, frame) → child node, keyed by parent * 2^26 + frame (exact below 2^53). */
  private readonly children = new Map<number, number>();

  private readonly sampleStack = new GrowableInt32();
  private readonly sampleValues: GrowableFloat64[];

  private readonly labels = new LabelTableBuilder();

  constructor(readonly valueCount: number) {
    this.sampleValues = Array.from({ length: valueCount }, () => new GrowableFloat64());
    this.nodeParent.push(-1);
    this.nodeFrame.push(-1);
  }

  intern(s: string): number {
    return this.strings.intern(s);
  }

  /** A frame for function `func` at file:line (strings interned here). */
  frame(func: string, file = '', line = 0): number {
    return this.frameByIndex(this.intern(func), this.intern(file), line);
  }

  frameByIndex(funcIdx: number, fileIdx: number, line: number): number {
    return this.frames.frame(funcIdx, fileIdx, line);
  }

  child(parent: number, frame: number): number {
    const key = parent * 67108864 + frame;
    let n = this.children.get(key);
    if (n === undefined) {
      n = this.nodeParent.push(parent);
      this.nodeFrame.push(frame);
      this.children.set(key, n);
    }
    return n;
  }

  /** The trie node of a stack given leaf first (pprof and Go print order). */
  stackLeafFirst(frames: ArrayLike<number>): number {
    let node = ROOT_NODE;
    for (let i = frames.length - 1; i >= 0; i--) node = this.child(node, frames[i]);
    return node;
  }

  /** The trie node of a stack given root first (collapsed-stack order). */
  stackRootFirst(frames: ArrayLike<number>): number {
    let node = ROOT_NODE;
    for (let i = 0; i < frames.length; i++) node = this.child(node, frames[i]);
    return node;
  }

  /** Adds one sample; returns its index (for labels). */
  sample(node: number, values: ArrayLike<number>): number {
    const i = this.sampleStack.push(node);
    for (let v = 0; v < this.valueCount; v++) this.sampleValues[v].push(values[v] ?? 0);
    return i;
  }

  stringLabel(sample: number, key: string, value: string): void {
    this.labels.add(sample, this.intern(key), this.intern(value), 0, 0);
  }

  numberLabel(sample: number, key: string, value: number, unit = ''): void {
    this.labels.add(sample, this.intern(key), -1, value, this.intern(unit));
  }

  get sampleCount(): number {
    return this.sampleStack.length;
  }

  build(meta: ProfileMeta): Profile {
    return {
      ...meta,
      strings: this.strings.list,
      frames: this.frames.finish(),
      stacks: { count: this.nodeParent.length, parent: this.nodeParent.finish(), frame: this.nodeFrame.finish() },
      samples: {
        count: this.sampleStack.length,
        stack: this.sampleStack.finish(),
        values: this.sampleValues.map((v) => v.finish()),
      },
      labels: this.labels.finish(),
    };
  }
}

/** Meta for profiles that are not pprof files: one or more sample types, nothing else known. */
export function simpleMeta(source: ProfileMeta['source'], sampleTypes: ProfileMeta['sampleTypes']): ProfileMeta {
  return {
    source,
    sampleTypes,
    defaultSampleType: 0,
    periodType: null,
    period: 0,
    timeNanos: 0,
    durationNanos: 0,
    comments: [],
    dropFrames: '',
    keepFrames: '',
    mappings: [],
  };
}
