/** Access tokens the emulator has issued, with their client and expiry. */
export class TokenRegistry {
  private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(token: string, clientId: string, lifetimeSeconds: number): void {
    this.tokens.set(token, { clientId, expiresAt: this.now() + lifetimeSeconds * 1000 });
  }

  /** The client of a valid token, or why it is refused. */
  check(token: string): { clientId: string } | { refused: 'unknown' | 'expired' } {
    const entry = this.tokens.get(token);
    if (!entry) return { refused: 'unknown' };
    if (this.now() >= entry.expiresAt) return { refused: 'expired' };
    return { clientId: entry.clientId };
  }

  /** Makes every issued token expire now (to test renewal). Returns how many there were. */
  expireAll(): number {
    for (const entry of this.tokens.values()) entry.expiresAt = 0;
    return this.tokens.size;
  }
}
