/** A fixed-size set of small integers, the "linearized so far" set of the search. */
export class Bitset {
  private readonly words: Uint32Array;

  constructor(size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32));
  }

  set(bit: number): void {
    this.words[bit >>> 5]! |= 1 << (bit & 31);
  }

  clear(bit: number): void {
    this.words[bit >>> 5]! &= ~(1 << (bit & 31));
  }

  /** A string that identifies the current contents, for memoization. */
  key(): string {
    return this.words.join(',');
  }
}
