import type { WalletInvalidKeyFormatErrorType, WalletInvalidKeyLengthErrorType } from "../../errors/wallet.js"
import { Err, Ok, type Result } from "../../result.js"
import { createWallet } from "../wallet.js"
import type { LoadedWallet } from "./types.js"

/**
 * Turns a list of `{ key, location }` entries into wallets, all or nothing: the first bad key
 * gives its error (naming the location) and no wallet.
 *
 * @example
 * const wallets = walletsFromKeys([{ key: anvilKey, location: "keys.txt:1" }])
 */
export function walletsFromKeys(
  entries: readonly { key: string; location: string }[],
): Result<LoadedWallet[], WalletInvalidKeyFormatErrorType | WalletInvalidKeyLengthErrorType> {
  const loaded: LoadedWallet[] = []
  for (const { key, location } of entries) {
    const wallet = createWallet(key, location)
    if (wallet.isErr()) return Err(wallet.error)
    loaded.push({ wallet: wallet.value, origin: location })
  }
  return Ok(loaded)
}
