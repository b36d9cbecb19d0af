// An aggregate's groups while records stream in: each group has a number, found through one
// map per dimension from the values a record already holds, and its sums live in typed
// arrays at that number. Adding a record then touches two numbers in contiguous memory; an
// object per group cost a cache miss and a boxed double on every record (about 0.5 s of a
// 4.3 s data step on two million rows).

export type DimensionValue = string | number;

/** Groups by their first dimension's value, then the next's, down to the group's number. */
export type GroupLevel = Map<DimensionValue, GroupLevel | number>;

const INITIAL_CAPACITY = 64;

export class GroupTable {
  /** Walked by the caller with a record's values: a number at the end is its group. */
  readonly root: GroupLevel = new Map();
  /** Each group's dimension values, by group number. */
  readonly dims: DimensionValue[][] = [];
  private values = new Float64Array(INITIAL_CAPACITY);
  private records = new Float64Array(INITIAL_CAPACITY);
  /** Sums of records in another currency, by the number of the rate that restates them; only for groups that have any. */
  private readonly toConvert: (number[] | undefined)[] = [];

  get size(): number {
    return this.dims.length;
  }

  /** The number of the group with these values, added with nothing in it if new. */
  groupOf(dims: DimensionValue[]): number {
    if (dims.length === 0) return this.size > 0 ? 0 : this.push(dims);
    let level = this.root;
    for (let k = 0; k < dims.length - 1; k++) {
      let next = level.get(dims[k]!) as GroupLevel | undefined;
      if (next === undefined) level.set(dims[k]!, (next = new Map()));
      level = next;
    }
    const last = dims.at(-1)!;
    const known = level.get(last) as number | undefined;
    if (known !== undefined) return known;
    const group = this.push(dims);
    level.set(last, group);
    return group;
  }

  has(dims: DimensionValue[]): boolean {
    if (dims.length === 0) return this.size > 0;
    let node: GroupLevel | number | undefined = this.root;
    for (const value of dims) node = typeof node === 'object' ? node.get(value) : undefined;
    return typeof node === 'number';
  }

  add(group: number, value: number): void {
    this.values[group]! += value;
    this.records[group]!++;
  }

  addToConvert(group: number, rate: number, value: number): void {
    const sums = (this.toConvert[group] ??= []);
    sums[rate] = (sums[rate] ?? 0) + value;
    this.records[group]!++;
  }

  /** The sum of the group's records already in the aggregate's currency. */
  value(group: number): number {
    return this.values[group]!;
  }

  recordCount(group: number): number {
    return this.records[group]!;
  }

  /** The group's sums to restate, by rate number (holes where no record used that rate). */
  sumsToConvert(group: number): readonly (number | undefined)[] {
    return this.toConvert[group] ?? [];
  }

  private push(dims: DimensionValue[]): number {
    const group = this.dims.push(dims) - 1;
    if (group === this.values.length) {
      this.values = grown(this.values);
      this.records = grown(this.records);
    }
    return group;
  }
}

function grown(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const larger = new Float64Array(array.length * 2);
  larger.set(array);
  return larger;
}
