/**
 * A tiny model of one account's nonces on a node, for the nonce manager's property tests (not
 * exported from the package). Accepted transactions wait in the pool until mined; mining takes
 * pool nonces contiguously from the state nonce, like a real node; pool transactions are never
 * dropped. "External" transactions stand for another process using the same key.
 *
 * @example
 * const chain = new SimulatedChain(3n)
 * chain.broadcast(3n) // "accepted"
 * chain.mine(10)      // mined = 4n
 */
export class SimulatedChain {
  /** The state nonce: every nonce below is mined. */
  mined: bigint
  readonly pool = new Map<bigint, "ours" | "external">()

  constructor(initial: bigint) {
    this.mined = initial
  }

  /** What `eth_getTransactionCount(pending)` answers: the state nonce plus the contiguous pool. */
  pendingNonce(): bigint {
    let nonce = this.mined
    while (this.pool.has(nonce)) nonce++
    return nonce
  }

  /** Broadcasts one of our transactions: accepted, or the RPC error code a node would return. */
  broadcast(
    nonce: bigint,
  ): "accepted" | "RPC_NONCE_TOO_LOW" | "RPC_ALREADY_KNOWN" | "RPC_REPLACEMENT_UNDERPRICED" {
    if (nonce < this.mined) return "RPC_NONCE_TOO_LOW"
    const holder = this.pool.get(nonce)
    if (holder === "ours") return "RPC_ALREADY_KNOWN"
    if (holder === "external") return "RPC_REPLACEMENT_UNDERPRICED"
    this.pool.set(nonce, "ours")
    return "accepted"
  }

  /** Another sender with the same key sends a transaction at the pending nonce. */
  sendExternal(): bigint {
    const nonce = this.pendingNonce()
    this.pool.set(nonce, "external")
    return nonce
  }

  /** Mines up to `count` transactions; returns the new state nonce. */
  mine(count: number): bigint {
    for (let index = 0; index < count && this.pool.has(this.mined); index++) {
      this.pool.delete(this.mined)
      this.mined++
    }
    return this.mined
  }

  /** True when every pool nonce can be mined: no hole between the state nonce and the highest. */
  isContiguous(): boolean {
    return this.pendingNonce() === this.mined + BigInt(this.pool.size)
  }
}
