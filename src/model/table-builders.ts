/** Column builders shared by ProfileBuilder and the pprof decoder. */
import { GrowableFloat64, GrowableInt32 } from './growable';
import type { FrameTable, LabelTable } from './profile';

/** Distinct (function, file, line) rows, by string index. */
export class FrameTableBuilder {
  private readonly func = new GrowableInt32();
  private readonly file = new GrowableInt32();
  private readonly line = new GrowableInt32();
  /** (function, line) → first frame seen; a number key is much cheaper than a string. */
  private readonly byFuncLine = new Map<number, number>();
  /** Frames whose (function, line) is shared with another file, or out of key range. */
  private readonly others = new Map<string, number>();

  frame(funcIdx: number, fileIdx: number, line: number): number {
    const inRange = line >= 0 && line < 16777216 && funcIdx < 268435456;
    const key = funcIdx * 16777216 + line;
    const first = inRange ? this.byFuncLine.get(key) : undefined;
    if (first !== undefined && this.file.get(first) === fileIdx) return first;
    if (first === undefined && inRange) {
      const f = this.add(funcIdx, fileIdx, line);
      this.byFuncLine.set(key, f);
      return f;
    }
    const textKey = `${funcIdx},${fileIdx},${line}`;
    let f = this.others.get(textKey);
    if (f === undefined) {
      f = this.add(funcIdx, fileIdx, line);
      this.others.set(textKey, f);
    }
    return f;
  }

  /** Adds a row without looking for an equal one: for callers that dedupe themselves. */
  append(funcIdx: number, fileIdx: number, line: number): number {
    return this.add(funcIdx, fileIdx, line);
  }

  private add(funcIdx: number, fileIdx: number, line: number): number {
    const f = this.func.push(funcIdx);
    this.file.push(fileIdx);
    this.line.push(line);
    return f;
  }

  finish(): FrameTable {
    return { count: this.func.length, func: this.func.finish(), file: this.file.finish(), line: this.line.finish() };
  }
}

/** Sparse (sample, key, value) label rows. */
export class LabelTableBuilder {
  private readonly sample = new GrowableInt32(16);
  private readonly key = new GrowableInt32(16);
  private readonly str = new GrowableInt32(16);
  private readonly num = new GrowableFloat64(16);
  private readonly unit = new GrowableInt32(16);

  add(sample: number, keyIdx: number, strIdx: number, num: number, unitIdx: number): void {
    this.sample.push(sample);
    this.key.push(keyIdx);
    this.str.push(strIdx);
    this.num.push(num);
    this.unit.push(unitIdx);
  }

  finish(): LabelTable {
    return {
      count: this.sample.length,
      sample: this.sample.finish(),
      key: this.key.finish(),
      str: this.str.finish(),
      num: this.num.finish(),
      unit: this.unit.finish(),
    };
  }
}
