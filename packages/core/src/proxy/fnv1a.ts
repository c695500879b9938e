/**
 * FNV-1a, 32 bits: a fast, stable string hash.
 *
 * @example
 * fnv1a("0xabc|127.0.0.1:8080") // a number in [0, 2³²)
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/**
 * MurmurHash3's 32-bit finalizer: spreads every input bit over the whole output. FNV-1a alone
 * leaves strings that differ only near their end (proxy ports 1, 2, 3) with correlated high bits,
 * so rendezvous hashing on it gave one of three proxies half of the wallets; with this it is even.
 *
 * @example
 * avalanche(fnv1a("0xabc|127.0.0.1:8080"))
 */
export function avalanche(hash: number): number {
  let mixed = hash ^ (hash >>> 16)
  mixed = Math.imul(mixed, 0x85ebca6b)
  mixed ^= mixed >>> 13
  mixed = Math.imul(mixed, 0xc2b2ae35)
  mixed ^= mixed >>> 16
  return mixed >>> 0
}
