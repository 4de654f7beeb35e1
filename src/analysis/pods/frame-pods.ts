/**
 * A frame's value in a merge of replicas, pod by pod: the samples landing in the frame's
 * subtree summed by their `pod` label (set on every sample by the merge). The parts add
 * up to the frame's value in the view, so the tooltip can say which pod holds how much.
 */
import type { CallTree } from '../calltree/calltree';
import type { Profile } from '../../model/profile';
import { POD_LABEL } from './merge';

export interface SamplePods {
  pods: string[];
  /** Each sample's index into `pods`, -1 for a sample without the label. */
  podOf: Int32Array;
}

/** Which pod each sample came from; null when no sample has a pod label. */
export function samplePods(p: Profile): SamplePods | null {
  const podOf = new Int32Array(p.samples.count).fill(-1);
  const index = new Map<number, number>();
  const l = p.labels;
  for (let i = 0; i < l.count; i++) {
    if (l.str[i] < 0 || p.strings[l.key[i]] !== POD_LABEL) continue;
    let at = index.get(l.str[i]);
    if (at === undefined) index.set(l.str[i], (at = index.size));
    podOf[l.sample[i]] = at;
  }
  if (index.size === 0) return null;
  const pods: string[] = [];
  for (const [str, at] of index) pods[at] = p.strings[str];
  return { pods, podOf };
}

export interface PodShare {
  pod: string;
  value: number;
}

/** The node's value per pod, largest first (pods with nothing there left out); `unlabelled` holds samples without a pod. */
export function nodePodShares(tree: CallTree, node: number, values: Float64Array, sp: SamplePods): { pods: PodShare[]; unlabelled: number } {
  // Children have larger indexes than their parents: one forward pass marks the subtree.
  const inside = new Uint8Array(tree.count);
  inside[node] = 1;
  for (let n = node + 1; n < tree.count; n++) inside[n] = inside[tree.parent[n]];
  const sums = new Float64Array(sp.pods.length);
  let unlabelled = 0;
  const { sampleNode } = tree;
  for (let s = 0; s < sampleNode.length; s++) {
    const at = sampleNode[s];
    if (at < 0 || !inside[at]) continue;
    const pod = sp.podOf[s];
    if (pod >= 0) sums[pod] += values[s];
    else unlabelled += values[s];
  }
  const pods = sp.pods.map((pod, i) => ({ pod, value: sums[i] })).filter((x) => x.value !== 0);
  pods.sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || (a.pod < b.pod ? -1 : 1));
  return { pods, unlabelled };
}
