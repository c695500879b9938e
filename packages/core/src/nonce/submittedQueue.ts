/**
 * The submitted, unconfirmed nonces of one lane with the block each was submitted at, sorted by
 * nonce. Submissions arrive almost always in nonce order and receipts confirm from the bottom,
 * so both ends are O(1) amortised: an append, and a head index that moves up (the arrays are
 * compacted only now and then). Cheaper than a `Map<bigint, …>` on the hot path.
 *
 * @example
 * const queue = new SubmittedQueue()
 * queue.add(5n, 100n)
 * queue.removeBelow(6n) // 5n is mined
 */
export class SubmittedQueue {
  #nonces: bigint[] = []
  #blocks: (bigint | undefined)[] = []
  #head = 0

  get size(): number {
    return this.#nonces.length - this.#head
  }

  /** Adds a nonce (ignored if already present). */
  add(nonce: bigint, block: bigint | undefined): void {
    const nonces = this.#nonces
    const length = nonces.length
    if (length === this.#head || (nonces[length - 1] as bigint) < nonce) {
      nonces.push(nonce)
      this.#blocks.push(block)
      return
    }
    let low = this.#head
    let high = length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((nonces[middle] as bigint) < nonce) low = middle + 1
      else high = middle
    }
    if (nonces[low] === nonce) return
    nonces.splice(low, 0, nonce)
    this.#blocks.splice(low, 0, block)
  }

  /** Removes one nonce; returns whether it was present. */
  remove(nonce: bigint): boolean {
    const nonces = this.#nonces
    let low = this.#head
    let high = nonces.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((nonces[middle] as bigint) < nonce) low = middle + 1
      else high = middle
    }
    if (low >= nonces.length || nonces[low] !== nonce) return false
    if (low === this.#head) {
      this.#head++
      this.removeBelow(nonce + 1n)
    } else {
      nonces.splice(low, 1)
      this.#blocks.splice(low, 1)
    }
    return true
  }

  /** Removes every nonce below `nonce` (they are mined). */
  removeBelow(nonce: bigint): void {
    const nonces = this.#nonces
    let head = this.#head
    while (head < nonces.length && (nonces[head] as bigint) < nonce) head++
    if (head === nonces.length) {
      nonces.length = 0
      this.#blocks.length = 0
      head = 0
    } else if (head >= 1024 && head * 2 >= nonces.length) {
      nonces.splice(0, head)
      this.#blocks.splice(0, head)
      head = 0
    }
    this.#head = head
  }

  /** The lowest nonce, or undefined when empty. */
  lowest(): bigint | undefined {
    return this.#head < this.#nonces.length ? this.#nonces[this.#head] : undefined
  }

  /** The block the lowest nonce was submitted at (undefined: not known). */
  lowestBlock(): bigint | undefined {
    return this.#blocks[this.#head]
  }

  /** Sets the block of the lowest nonce (starts or restarts its wait). */
  setLowestBlock(block: bigint): void {
    if (this.#head < this.#nonces.length) this.#blocks[this.#head] = block
  }

  /** The nonces, ascending (a copy). */
  toArray(): bigint[] {
    return this.#nonces.slice(this.#head)
  }
}
