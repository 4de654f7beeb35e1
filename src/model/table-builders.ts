/** Column builders shared by ProfileBuilder and the pprof decoder. */
import { GrowableFloat64, GrowableInt32 } from './growable';
import type { FrameTable, LabelTable } from './profile';

/** Distinct (function, file, line) rows, by string index. */
export class FrameTableBuilder {
  private readonly func = new GrowableInt32();
  private readonly file = new GrowableInt32();
  private readonly line = new GrowableInt32();
  private readonly index = new Map<string, number>();

  frame(funcIdx: number, fileIdx: number, line: number): number {
    const key = `${funcIdx},${fileIdx},${line}`;
    let f = this.index.get(key);
    if (f === undefined) {
      f = this.func.push(funcIdx);
      this.file.push(fileIdx);
      this.line.push(line);
      this.index.set(key, f);
    }
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
