/**
 * Which goroutine slot a transition belongs to. Goroutine ids can be reused, so a slot is
 * one goroutine's life: a transition from NotExist (created) or Undetermined (first seen
 * in the trace) opens a new slot; any other transition belongs to the id's current slot.
 * The model builder and the timeline builder both number slots this way, so goroutine i
 * of the TraceModel is lane i of the timeline.
 */
import { GO_NOT_EXIST, GO_UNDETERMINED } from '../../../model/trace';
import { GrowableFloat64 } from '../../../model/growable';
import { IdIndex } from './idmap';

export class GoroutineSlots {
  private readonly slotOf = new IdIndex();
  /** Goroutine id of each slot, when asked for (the model builder keeps its own column). */
  readonly ids: GrowableFloat64 | null;
  count = 0;

  constructor(recordIds = false) {
    this.ids = recordIds ? new GrowableFloat64(1024) : null;
  }
  /** Set by `of` when the slot it returned was opened by that transition. */
  opened = false;

  /** The slot of `goid` after a `from` → `to` transition; -1 for an id never seen. */
  of(goid: number, from: number, to: number): number {
    if (from !== to && (from === GO_UNDETERMINED || from === GO_NOT_EXIST)) {
      const s = this.count++;
      this.ids?.push(goid);
      this.slotOf.set(goid, s);
      this.opened = true;
      return s;
    }
    this.opened = false;
    return this.slotOf.get(goid);
  }

  /** The current slot of `goid`, -1 if never seen. */
  current(goid: number): number {
    return this.slotOf.get(goid);
  }
}
