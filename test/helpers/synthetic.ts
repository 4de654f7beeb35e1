/** Small hand-made profiles: stacks written root first as "a;b;c", with optional labels. */
import { ProfileBuilder, simpleMeta } from '../../src/model/profile-builder';
import type { Profile } from '../../src/model/profile';

export interface SynthSample {
  stack: string;
  value: number;
  labels?: Record<string, string | number>;
}

export function synth(samples: SynthSample[], type = 'inuse_space', unit = 'bytes'): Profile {
  const b = new ProfileBuilder(1);
  for (const s of samples) {
    const frames = s.stack.split(';').map((f) => b.frame(f, `${f.split('.')[0]}.go`, 1));
    const i = b.sample(b.stackRootFirst(frames), [s.value]);
    for (const [k, v] of Object.entries(s.labels ?? {})) {
      if (typeof v === 'number') b.numberLabel(i, k, v, 'bytes');
      else b.stringLabel(i, k, v);
    }
  }
  return b.build(simpleMeta('pprof', [{ type, unit }]));
}
