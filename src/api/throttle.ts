// Slows password guessing without locking anyone out: failures per username and client address, and per address,
// earn growing delays. Kept in the database, so every server on it counts the same failures.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { ThrottleStore } from '../cases/store-port.ts';

/** Failures allowed before any delay, per kind of key. */
const FREE = { pair: 3, address: 20 } as const;
/** The longest delay, in seconds. */
const MAX_DELAY_S = 15 * 60;
/** A key's failures are forgotten this long after its last one. */
const FORGET_MS = 60 * 60_000;

/** Seconds a key waits after its nth failure: none for the free ones, then 1, 2, 4, ... up to 15 minutes. */
export function delayAfter(failures: number, free: number): number {
  return failures <= free ? 0 : Math.min(MAX_DELAY_S, 2 ** Math.min(failures - free - 1, 20));
}

export class LoginThrottle {
  constructor(private readonly store: ThrottleStore, private readonly now: () => Date) {}

  /** The keys a login counts under: this username from this address (its owner elsewhere is not slowed), and the address. */
  private keys(username: string, address: string) {
    return { pair: `user:${username.toLowerCase()}@${address}`, address: `addr:${address}` };
  }

  /** Seconds to wait before this username may try again from this address; 0 when it may now. */
  async retryAfter(username: string, address: string): Promise<number> {
    const k = this.keys(username, address);
    const now = this.now().getTime();
    const entries = await this.store.get([k.pair, k.address]);
    const waits = entries.map((e) => (e.blockedUntil ? Math.ceil((Date.parse(e.blockedUntil) - now) / 1000) : 0));
    return Math.max(0, ...waits);
  }

  async fail(username: string, address: string): Promise<void> {
    const k = this.keys(username, address);
    const at = this.now();
    await this.store.fail([k.pair, k.address], at, new Date(at.getTime() - FORGET_MS).toISOString(), (key, failures) => {
      const s = delayAfter(failures, key === k.pair ? FREE.pair : FREE.address);
      return s > 0 ? new Date(at.getTime() + s * 1000).toISOString() : null;
    });
  }

  /** A correct password clears this username's failures from this address (the address's own count decays). */
  async succeed(username: string, address: string): Promise<void> {
    await this.store.clear([this.keys(username, address).pair]);
  }
}

/** Who is calling: the socket's peer, or behind a trusted proxy the last X-Forwarded-For hop (the one the proxy added). */
export function clientAddress(c: Context, trustProxy: boolean | undefined): string {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (hops.length) return hops[hops.length - 1]!;
  }
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
}
