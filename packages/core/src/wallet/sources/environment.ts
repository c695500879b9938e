import {
  WalletEmptySourceError,
  type WalletEmptySourceErrorType,
  type WalletInvalidKeyFormatErrorType,
  type WalletInvalidKeyLengthErrorType,
} from "../../errors/wallet.js"
import { Err, type Result } from "../../result.js"
import { walletsFromKeys } from "./keyList.js"
import type { LoadedWallet } from "./types.js"

/**
 * Loads keys from an environment variable: hex keys separated by commas, newlines or spaces.
 * Errors name the variable and the entry number, never the key.
 *
 * @example
 * loadEnvironmentKeys("TESTNET_KEYS", { TESTNET_KEYS: `${key1},${key2}` }) // Ok([…2 wallets])
 */
export function loadEnvironmentKeys(
  variable: string,
  environment: Readonly<Record<string, string | undefined>>,
): Result<
  LoadedWallet[],
  WalletEmptySourceErrorType | WalletInvalidKeyFormatErrorType | WalletInvalidKeyLengthErrorType
> {
  const keys = (environment[variable] ?? "").split(/[\s,]+/).filter((key) => key !== "")
  if (keys.length === 0) {
    return Err(
      new WalletEmptySourceError({
        source: `environment variable ${variable}`,
        hint: `Set ${variable} to hex private keys separated by commas or newlines.`,
      }),
    )
  }
  return walletsFromKeys(keys.map((key, index) => ({ key, location: `${variable} entry #${index + 1}` })))
}
