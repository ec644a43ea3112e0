/**
 * The shared gate of a last-byte race: racers report when they have sent everything but their
 * final byte (or that they cannot), and `open` releases every final byte at once.
 */

/** Racers that never arrived at the gate, with why. */
export interface GateSettlement {
  readonly missing: readonly { readonly racer: number; readonly reason: string }[];
}

/** One race's gate. */
export class ReleaseGate {
  private readonly arrived = new Set<number>();
  private readonly failures = new Map<number, string>();
  private readonly actions: (() => void)[] = [];
  private onChange: (() => void) | undefined;
  private openedAt: number | undefined;
  private resolveReleased!: () => void;
  /** Resolves when the gate opens; racers that yield their final byte from async code await it. */
  readonly released: Promise<void> = new Promise((resolve) => {
    this.resolveReleased = resolve;
  });

  constructor(private readonly racers: number) {}

  /** Racer `racer` has sent all but its final byte. */
  arrive(racer: number): void {
    if (this.openedAt !== undefined || this.failures.has(racer)) return;
    this.arrived.add(racer);
    this.onChange?.();
  }

  /** Racer `racer` cannot reach the gate. */
  fail(racer: number, reason: string): void {
    if (this.openedAt !== undefined || this.arrived.has(racer) || this.failures.has(racer)) return;
    this.failures.set(racer, reason);
    this.onChange?.();
  }

  /** Registers a synchronous release action, run in the release loop. */
  onRelease(action: () => void): void {
    if (this.openedAt !== undefined) action();
    else this.actions.push(action);
  }

  /** The time the gate opened, if it has. */
  get openedTime(): number | undefined {
    return this.openedAt;
  }

  /** Waits until every racer arrived or failed, at most `timeoutMs`; lists those that did not arrive. */
  async settled(timeoutMs: number): Promise<GateSettlement> {
    const done = () => this.arrived.size + this.failures.size >= this.racers;
    if (!done()) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.onChange = () => {
          if (!done()) return;
          clearTimeout(timer);
          resolve();
        };
      });
      this.onChange = undefined;
    }
    const missing = [];
    for (let racer = 0; racer < this.racers; racer++) {
      if (this.arrived.has(racer)) continue;
      missing.push({ racer, reason: `racer ${racer}: ${this.failures.get(racer) ?? `did not reach the gate within ${timeoutMs} ms`}` });
    }
    return { missing };
  }

  /**
   * Releases every racer: the synchronous actions in one tight loop, then the async waiters
   * (in the same tick's microtasks). Returns the release time. Idempotent.
   */
  open(): number {
    if (this.openedAt !== undefined) return this.openedAt;
    this.openedAt = performance.now();
    for (const action of this.actions.splice(0)) {
      try {
        action();
      } catch {
        // A racer whose socket died meanwhile reports that on its own request; the others must still go.
      }
    }
    this.resolveReleased();
    return this.openedAt;
  }
}
