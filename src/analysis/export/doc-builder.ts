/**
 * Collects a PprofDoc: functions, locations and mappings each interned by content, and
 * samples merged when their stacks and labels are equal (zero sums dropped), as pprof's
 * own profile.Merge does. A diff merges this way too, so `-base` percentages, which are
 * of |Δ| summed per stack, come out as pprof computes them.
 */
import type { DocLabel, DocLine, DocSample, PprofDoc } from '../../model/pprof-doc';
import type { Mapping } from '../../model/profile';

export type DocMeta = Omit<PprofDoc, 'functions' | 'locations' | 'samples' | 'mappings'>;

export class DocBuilder {
  private readonly doc: Pick<PprofDoc, 'functions' | 'locations' | 'samples' | 'mappings'> = {
    functions: [],
    locations: [],
    samples: [],
    mappings: [],
  };
  private readonly funcIds = new Map<string, number>();
  private readonly locIds = new Map<string, number>();
  private readonly mapIds = new Map<string, number>();
  private readonly sampleAt = new Map<string, number>();

  /** A mapping's id by its file; the first mapping seen for a file stands for it. */
  mapping(m: Mapping): number {
    let id = this.mapIds.get(m.file);
    if (id === undefined) {
      id = this.doc.mappings.push(m);
      this.mapIds.set(m.file, id);
    }
    return id;
  }

  func(name: string, file: string): number {
    const key = `${name}\u0000${file}`;
    let id = this.funcIds.get(key);
    if (id === undefined) {
      id = this.doc.functions.push({ name, file });
      this.funcIds.set(key, id);
    }
    return id;
  }

  /** A symbolized location: its lines innermost first. */
  lineLocation(lines: DocLine[]): number {
    return this.location(lines.map((l) => `${l.func}:${l.line}`).join(','), 0, 0, lines);
  }

  /** An unsymbolized location: an address in a mapping (0: none). */
  addressLocation(address: number, mapping: number): number {
    return this.location(`@${mapping}:${address}`, mapping, address, []);
  }

  private location(key: string, mapping: number, address: number, lines: DocLine[]): number {
    let id = this.locIds.get(key);
    if (id === undefined) {
      id = this.doc.locations.push({ mapping, address, lines });
      this.locIds.set(key, id);
    }
    return id;
  }

  /** One sample of one value; `locations` leaf first. */
  sample(locations: number[], value: number, labels: DocLabel[]): void {
    const key = `${locations.join(',')}|${labels.map((l) => `${l.key}\u0000${l.str ?? `${l.num}\u0000${l.unit}`}`).join('\u0001')}`;
    const at = this.sampleAt.get(key);
    if (at !== undefined) {
      this.doc.samples[at].values[0] += value;
      return;
    }
    this.sampleAt.set(key, this.doc.samples.push({ locations, values: [value], labels }) - 1);
  }

  finish(meta: DocMeta): PprofDoc {
    const samples: DocSample[] = this.doc.samples.filter((s) => s.values[0] !== 0);
    return { ...meta, ...this.doc, samples };
  }
}
