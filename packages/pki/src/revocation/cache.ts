/** A bounded map whose entries expire at their own time (OCSP/CRL nextUpdate). */
export class ExpiringCache<V> {
  private readonly map = new Map<string, { value: V; until: number }>();
  constructor(private readonly maxEntries = 10_000) {}

  get(key: string, now: number): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.until <= now) {
      this.map.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V, until: number): void {
    this.map.delete(key);
    this.map.set(key, { value, until });
    if (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value as string);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

/** Runs one request per key at a time; concurrent callers share the promise. */
export class InFlight<V> {
  private readonly pending = new Map<string, Promise<V>>();
  run(key: string, task: () => Promise<V>): Promise<V> {
    const running = this.pending.get(key);
    if (running) return running;
    const p = task().finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }
}
