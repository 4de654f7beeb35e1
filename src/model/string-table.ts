/** Strings by small, stable ids: a list and the index that finds a string's id. */
export class StringTable {
  private readonly ids = new Map<string, number>();

  /**
   * Adopts `list` (not a copy): its strings keep their ids. Only the strings from
   * `indexFrom` on are looked up by intern; a pprof table is taken as it is (it may repeat
   * a string), and only what is added to it is indexed.
   */
  constructor(
    readonly list: string[] = [''],
    indexFrom = 0,
  ) {
    for (let i = indexFrom; i < list.length; i++) if (!this.ids.has(list[i])) this.ids.set(list[i], i);
  }

  /** The id of `s`, added when new. */
  intern(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.ids.set(s, i);
    }
    return i;
  }

  /** The id of `s`, -1 when it is not in the table. */
  find(s: string): number {
    return this.ids.get(s) ?? -1;
  }
}
