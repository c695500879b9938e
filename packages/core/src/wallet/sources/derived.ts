import { hkdfSync } from "node:crypto"
import { computeAddress, getBytes, hexlify } from "ethers"
import { WalletEmptySourceError, type WalletEmptySourceErrorType } from "../../errors/wallet.js"
import { Err, Ok, type Result } from "../../result.js"
import { createWalletFromDerivedKey, exportPrivateKey, type Wallet } from "../wallet.js"
import type { LoadedWallet } from "./types.js"

/**
 * The HKDF `info` prefix of worker wallet `i`: `testnet-framework/worker/<i>` (decimal `i`).
 *
 * @example
 * `${derivedWalletInfoPrefix}7` // "testnet-framework/worker/7"
 */
export const derivedWalletInfoPrefix = "testnet-framework/worker/"

/** secp256k1's group order: a private key must lie in [1, n − 1]. */
const curveOrder = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n

/**
 * The private key of derived worker wallet `index`, reproducible by any tool from the funder key
 * and the seed: `HKDF-SHA256(ikm = funder key (32 bytes), salt = UTF-8(seed),
 * info = UTF-8("testnet-framework/worker/" + index [+ "/" + attempt when attempt > 0]), 32 bytes)`,
 * read as a big-endian integer; an out-of-range result (probability ≈ 2⁻¹²⁸) takes the next attempt.
 *
 * @example
 * const key = derivedWorkerKey(funderKeyBytes, "tempo", 0) // 0x…64 hex
 */
export function derivedWorkerKey(funderKey: Uint8Array, seed: string, index: number): string {
  for (let attempt = 0; ; attempt++) {
    const info = `${derivedWalletInfoPrefix}${index}${attempt === 0 ? "" : `/${attempt}`}`
    const bytes = new Uint8Array(hkdfSync("sha256", funderKey, Buffer.from(seed, "utf8"), info, 32))
    const value = BigInt(hexlify(bytes))
    if (value > 0n && value < curveOrder) return hexlify(bytes)
  }
}

/**
 * Derives `count` worker wallets from the funder and a wallet seed, so that a run on a real
 * network needs only the funder key, and a rerun with the same seed reuses the same wallets (and
 * the contracts they deployed). Nothing secret is stored: the keys are derived again each run.
 * Each wallet costs one HKDF and one public-key derivation (~0.1 ms); the loop yields every 256.
 *
 * @example
 * const loaded = (await deriveWorkerWallets({ funder, seed: "tempo", count: 10 })).unwrap()
 * loaded[0]?.origin // "derived tempo/0"
 */
export async function deriveWorkerWallets(parameters: {
  funder: Wallet
  seed: string
  count: number
}): Promise<Result<LoadedWallet[], WalletEmptySourceErrorType>> {
  const { funder, seed, count } = parameters
  if (!Number.isSafeInteger(count) || count < 1)
    return Err(
      new WalletEmptySourceError({
        source: `derived wallets (count ${count})`,
        hint: "Set wallets.count (or --wallets) to at least 1.",
      }) as WalletEmptySourceErrorType,
    )
  const funderKey = getBytes(exportPrivateKey(funder))
  const loaded: LoadedWallet[] = []
  for (let index = 0; index < count; index++) {
    const key = derivedWorkerKey(funderKey, seed, index)
    loaded.push({
      wallet: createWalletFromDerivedKey(key, computeAddress(key)),
      origin: `derived ${seed}/${index}`,
    })
    if (index % 256 === 255) await new Promise((resolve) => setImmediate(resolve))
  }
  funderKey.fill(0)
  return Ok(loaded)
}
