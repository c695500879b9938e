import { readFile } from "node:fs/promises"
import {
  WalletEmptySourceError,
  type WalletEmptySourceErrorType,
  WalletFileAccessError,
  type WalletFileAccessErrorType,
  type WalletInvalidKeyFormatErrorType,
  type WalletInvalidKeyLengthErrorType,
} from "../../errors/wallet.js"
import { Err, type Result } from "../../result.js"
import { walletsFromKeys } from "./keyList.js"
import type { LoadedWallet } from "./types.js"

/**
 * Parses the text of a keys file: one hex key per line; `#` starts a comment; blank lines are
 * skipped. Errors name `file:line`, never the key.
 *
 * @example
 * parseKeysText("# dev keys\n0xac09…ff80\n", "keys.txt") // Ok([{ wallet, origin: "keys.txt:2" }])
 */
export function parseKeysText(
  text: string,
  file: string,
): Result<
  LoadedWallet[],
  WalletEmptySourceErrorType | WalletInvalidKeyFormatErrorType | WalletInvalidKeyLengthErrorType
> {
  const entries: { key: string; location: string }[] = []
  const lines = text.split(/\r?\n/)
  for (const [index, line] of lines.entries()) {
    const key = line.replace(/#.*$/, "").trim()
    if (key !== "") entries.push({ key, location: `${file}:${index + 1}` })
  }
  if (entries.length === 0) return Err(new WalletEmptySourceError({ source: `keys file ${file}` }))
  return walletsFromKeys(entries)
}

/**
 * Reads a keys file (see {@link parseKeysText}).
 *
 * @example
 * const loaded = await loadKeysFile("./keys.txt")
 * if (loaded.isOk()) loaded.value.length // number of keys
 */
export async function loadKeysFile(
  file: string,
): Promise<
  Result<
    LoadedWallet[],
    | WalletFileAccessErrorType
    | WalletEmptySourceErrorType
    | WalletInvalidKeyFormatErrorType
    | WalletInvalidKeyLengthErrorType
  >
> {
  let text: string
  try {
    text = await readFile(file, "utf8")
  } catch (cause) {
    return Err(new WalletFileAccessError({ path: file, operation: "read", cause }))
  }
  return parseKeysText(text, file)
}
