import { checksumAddress } from "../signing/checksumAddress.js"

/**
 * A deterministic random source (sfc32). Same seed → same sequence, on every platform.
 * For load shaping only — never for keys or anything secret.
 *
 * @example
 * const random: Random = createRandom(42)
 * const recipient = random.address()
 */
export type Random = {
  /** The seed this source was created from (log it to reproduce a run). */
  readonly seed: number
  /** Uniform float in [0, 1). */
  next(): number
  /** Uniform unsigned 32-bit integer. */
  uint32(): number
  /** Uniform integer in [min, max] (both inclusive, safe integers). */
  int(min: number, max: number): number
  /** Uniform bigint in [min, max] (both inclusive). */
  bigint(min: bigint, max: bigint): bigint
  /** True with the given probability (default 0.5). */
  bool(probability?: number): boolean
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** A new array with the items in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[]
  /** `length` random bytes. */
  bytes(length: number): Uint8Array
  /** `length` random bytes as 0x-prefixed hex. */
  hex(length: number): string
  /** A random checksummed address (nobody holds its key). */
  address(): string
  /** An independent stream derived from this one (e.g. one per worker), still deterministic. */
  fork(label?: string | number): Random
}

/**
 * Creates a seeded random source. Without a seed, one is drawn from `Math.random` (read it back
 * from `random.seed` to replay the run).
 *
 * @example
 * const random = createRandom(42)
 * random.int(1, 6)      // same value on every run with seed 42
 * random.address()      // "0x…" checksummed
 * const worker = random.fork(3)
 */
export function createRandom(seed?: number | bigint | string): Random {
  const normalized = normalizeSeed(seed)
  // splitmix32 spreads a small seed over sfc32's 128-bit state.
  let mix = normalized
  const splitmix = () => {
    mix = (mix + 0x9e3779b9) | 0
    let value = mix
    value = Math.imul(value ^ (value >>> 16), 0x21f0aaad)
    value = Math.imul(value ^ (value >>> 15), 0x735a2d97)
    return (value ^ (value >>> 15)) >>> 0
  }
  let a = splitmix()
  let b = splitmix()
  let c = splitmix()
  let d = splitmix()
  const uint32 = (): number => {
    // sfc32 (Chris Doty-Humphrey), public domain.
    const result = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + result) | 0
    return result >>> 0
  }
  for (let warmUp = 0; warmUp < 12; warmUp++) uint32()

  const next = () => uint32() / 4294967296
  const random: Random = {
    seed: normalized,
    next,
    uint32,
    int(min, max) {
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
        throw new RangeError(`random.int needs safe integers with min <= max, got ${min}..${max}`)
      }
      const span = max - min + 1
      if (span <= 4294967296) return min + Math.floor(next() * span)
      // 53 bits from two draws for wide ranges
      const wide = (uint32() >>> 5) * 67108864 + (uint32() >>> 6)
      return min + Math.floor((wide / 9007199254740992) * span)
    },
    bigint(min, max) {
      if (max < min) throw new RangeError(`random.bigint needs min <= max, got ${min}..${max}`)
      const span = max - min + 1n
      const bits = span.toString(2).length + 64 // extra bits make the modulo bias negligible
      let value = 0n
      for (let produced = 0; produced < bits; produced += 32) value = (value << 32n) | BigInt(uint32())
      return min + (value % span)
    },
    bool(probability = 0.5) {
      return next() < probability
    },
    pick(items) {
      if (items.length === 0) throw new RangeError("random.pick needs a non-empty list")
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    shuffle(items) {
      const copy = items.slice()
      for (let index = copy.length - 1; index > 0; index--) {
        const other = Math.floor(next() * (index + 1))
        const held = copy[index] as (typeof copy)[number]
        copy[index] = copy[other] as (typeof copy)[number]
        copy[other] = held
      }
      return copy
    },
    bytes(length) {
      const output = new Uint8Array(length)
      for (let index = 0; index < length; index += 4) {
        let word = uint32()
        for (let offset = 0; offset < 4 && index + offset < length; offset++) {
          output[index + offset] = word & 0xff
          word >>>= 8
        }
      }
      return output
    },
    hex(length) {
      let text = "0x"
      for (const byte of random.bytes(length)) text += byte.toString(16).padStart(2, "0")
      return text
    },
    address() {
      return checksumAddress(random.hex(20))
    },
    fork(label) {
      const salt = label === undefined ? uint32() : normalizeSeed(label)
      return createRandom((uint32() ^ Math.imul(salt, 0x85ebca6b)) >>> 0)
    },
  }
  return random
}

function normalizeSeed(seed: number | bigint | string | undefined): number {
  if (seed === undefined) return Math.floor(Math.random() * 4294967296) >>> 0
  if (typeof seed === "number") {
    if (!Number.isFinite(seed)) throw new RangeError(`random seed must be finite, got ${seed}`)
    // fold the high bits in so seeds above 2^32 still differ
    return (Math.trunc(seed) ^ Math.trunc(seed / 4294967296)) >>> 0
  }
  if (typeof seed === "bigint") return Number(BigInt.asUintN(32, seed ^ (seed >> 32n)))
  // FNV-1a for strings
  let hash = 0x811c9dc5
  for (let index = 0; index < seed.length; index++) {
    hash = Math.imul(hash ^ seed.charCodeAt(index), 0x01000193)
  }
  return hash >>> 0
}
