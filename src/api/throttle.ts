// Slows password guessing: after a few failures a username is refused for a while. In memory, per process.
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();
  constructor(private readonly now: () => Date) {}

  /** Seconds to wait before trying this username again; 0 when allowed. */
  retryAfter(username: string): number {
    const f = this.failures.get(username);
    if (!f) return 0;
    const elapsed = this.now().getTime() - f.since;
    if (elapsed > WINDOW_MS) {
      this.failures.delete(username);
      return 0;
    }
    return f.count >= MAX_FAILURES ? Math.ceil((WINDOW_MS - elapsed) / 1000) : 0;
  }

  fail(username: string): void {
    const f = this.failures.get(username);
    if (f && this.now().getTime() - f.since <= WINDOW_MS) f.count++;
    else this.failures.set(username, { count: 1, since: this.now().getTime() });
    // Bounded memory under a spray of random usernames.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  succeed(username: string): void {
    this.failures.delete(username);
  }
}
