/**
 * Lazy loading of the native libsecp256k1 binding (npm `secp256k1`, N-API, prebuilt for common
 * platforms). Loaded at most once, on first use, inside a try: a missing or broken binary only
 * means the ethers fallback is used. `TESTNET_DISABLE_NATIVE_SIGNER=1` forces the fallback.
 */
import { createRequire } from "node:module"

/**
 * The part of the binding the signer uses.
 *
 * @example
 * const { signature, recid } = binding.ecdsaSign(digest, privateKey)
 */
export type NativeSecp256k1 = {
  ecdsaSign(message: Uint8Array, privateKey: Uint8Array): { signature: Uint8Array; recid: number }
  publicKeyCreate(privateKey: Uint8Array, compressed?: boolean): Uint8Array
  privateKeyVerify(privateKey: Uint8Array): boolean
}

/**
 * Whether the native binding can be used, and why not.
 *
 * @example
 * const status = getNativeSignerStatus()
 * if (!status.available) console.warn(`signing in JS: ${status.reason}`)
 */
export type NativeSignerStatus =
  | { readonly available: true; readonly binding: NativeSecp256k1 }
  | { readonly available: false; readonly reason: string; readonly cause?: unknown }

/**
 * The environment variable that forces the pure-JS fallback (any value but "" and "0").
 *
 * @example
 * process.env[disableNativeSignerVariable] = "1"
 */
export const disableNativeSignerVariable = "TESTNET_DISABLE_NATIVE_SIGNER"

let loaded: NativeSignerStatus | undefined

function load(): NativeSignerStatus {
  try {
    const require = createRequire(import.meta.url)
    // `secp256k1/bindings` is the N-API addon itself; the package's main entry would silently fall
    // back to its own (slower) elliptic.js, which we never want to measure as "native".
    const binding = require("secp256k1/bindings") as NativeSecp256k1
    return { available: true, binding }
  } catch (cause) {
    return {
      available: false,
      reason: `the secp256k1 native binding did not load (${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)})`,
      cause,
    }
  }
}

/**
 * Loads the binding on first call (then cached) and reports whether it is usable now; the
 * environment variable is read on every call, so tests can flip it.
 *
 * @example
 * getNativeSignerStatus().available // true on linux-x64 with the prebuilt binary
 */
export function getNativeSignerStatus(): NativeSignerStatus {
  const disabled = nativeDisabledReason()
  if (disabled !== undefined) return { available: false, reason: disabled }
  loaded ??= load()
  return loaded
}

/**
 * Why native code is switched off by {@link disableNativeSignerVariable}, or undefined when it is
 * not (unset, empty or "0"). Read on every call, so tests can flip it.
 *
 * @example
 * nativeDisabledReason() // "disabled by TESTNET_DISABLE_NATIVE_SIGNER=1"
 */
export function nativeDisabledReason(): string | undefined {
  const disabled = process.env[disableNativeSignerVariable]
  if (disabled === undefined || disabled === "" || disabled === "0") return undefined
  return `disabled by ${disableNativeSignerVariable}=${disabled}`
}
