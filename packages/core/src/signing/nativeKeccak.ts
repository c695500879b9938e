/**
 * Lazy loading of the native keccak sponge of the npm `keccak` package (XKCP C code, N-API,
 * prebuilt inside the tarball for linux-x64, darwin-x64 and win32-x64). Loaded at most once, on
 * first use, inside a try; a missing, broken or wrong binary only means ethers' JS keccak is used.
 * `TESTNET_DISABLE_NATIVE_SIGNER=1` turns it off along with the native signer.
 */
import { createRequire } from "node:module"
import { dirname } from "node:path"
import { keccak256 } from "ethers"
import { bytesToHex } from "./hex.js"
import { nativeDisabledReason } from "./nativeBinding.js"

/**
 * A keccak-256 function on bytes.
 *
 * @example
 * const hash: Keccak256 = (data) => hexToBytes(keccak256(data)) as Uint8Array
 */
export type Keccak256 = (data: Uint8Array) => Uint8Array

/**
 * Whether the native keccak can be used, and why not.
 *
 * @example
 * const status = getNativeKeccakStatus()
 * const digest = status.available ? status.keccak256(bytes) : undefined
 */
export type NativeKeccakStatus =
  | { readonly available: true; readonly keccak256: Keccak256 }
  | { readonly available: false; readonly reason: string; readonly cause?: unknown }

/** The addon's sponge class (the package's own wrapper adds a readable-stream per hash). */
type NativeSponge = {
  initialize(rate: number, capacity: number): void
  absorb(data: Uint8Array): void
  squeeze(length: number): Uint8Array
}

// Keccak-256: rate 1088 bits, capacity 512, padding byte 0x01 (the addon's default on squeeze).
const rate = 1088
const capacity = 512
// Known answers checked once at load: empty input, and two blocks (the rate is 136 bytes).
const emptyHash = "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
const twoBlocks = Uint8Array.from({ length: 200 }, (_, index) => (index * 37 + 11) % 256)

let loaded: NativeKeccakStatus | undefined

function describe(cause: unknown): string {
  return cause instanceof Error ? (cause.message.split("\n")[0] ?? "") : String(cause)
}

function load(): NativeKeccakStatus {
  try {
    const require = createRequire(import.meta.url)
    const manifest = require.resolve("keccak/package.json")
    // The addon itself, found the way the package finds it (node-gyp-build, its own dependency):
    // never its JS fallback, which we would not want to report as "native".
    const loadAddon = createRequire(manifest)("node-gyp-build") as (directory: string) => unknown
    const Sponge = loadAddon(dirname(manifest))
    if (typeof Sponge !== "function") return { available: false, reason: "the keccak addon is not a class" }
    // One sponge, reinitialised per hash: hashing is synchronous, so calls never interleave.
    const sponge = new (Sponge as new () => NativeSponge)()
    const hash: Keccak256 = (data) => {
      sponge.initialize(rate, capacity)
      sponge.absorb(data)
      return sponge.squeeze(32)
    }
    // A binding with another interface or behaviour fails here, not in a signed transaction.
    if (
      bytesToHex(hash(new Uint8Array(0))) !== emptyHash ||
      bytesToHex(hash(twoBlocks)) !== keccak256(twoBlocks)
    )
      return { available: false, reason: "the keccak addon returned wrong hashes for known inputs" }
    return { available: true, keccak256: hash }
  } catch (cause) {
    return { available: false, reason: `the keccak native binding did not load (${describe(cause)})`, cause }
  }
}

/**
 * Loads the native keccak on first call (then cached) and reports whether it is usable now; the
 * environment variable is read on every call, like {@link getNativeSignerStatus}.
 *
 * @example
 * getNativeKeccakStatus().available // true on linux-x64 with the prebuilt binary
 */
export function getNativeKeccakStatus(): NativeKeccakStatus {
  const disabled = nativeDisabledReason()
  if (disabled !== undefined) return { available: false, reason: disabled }
  loaded ??= load()
  return loaded
}
