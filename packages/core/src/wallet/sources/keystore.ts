import { createHmac, randomBytes } from "node:crypto"
import { readdir, stat } from "node:fs/promises"
import { join, resolve } from "node:path"
import {
  type WalletAddressMismatchErrorType,
  type WalletDecryptionFailedErrorType,
  WalletEmptySourceError,
  type WalletEmptySourceErrorType,
  WalletFileAccessError,
  type WalletFileAccessErrorType,
  type WalletKeystoreInvalidErrorType,
} from "../../errors/wallet.js"
import { Err, Ok, type Result } from "../../result.js"
import { decryptKeystore } from "../keystoreCrypto.js"
import { readKeystoreFile } from "../keystoreFormat.js"
import { createWalletFromDerivedKey, type Wallet } from "../wallet.js"
import type { LoadedWallet } from "./types.js"

/**
 * Errors of reading and decrypting one keystore file.
 *
 * @example
 * function hint(error: KeystoreFileErrorType) { return error.code === "WALLET_DECRYPTION_FAILED" ? "check the password" : "" }
 */
export type KeystoreFileErrorType =
  | WalletFileAccessErrorType
  | WalletKeystoreInvalidErrorType
  | WalletDecryptionFailedErrorType
  | WalletAddressMismatchErrorType

/**
 * True for names the keystore directory loader reads: `*.json` and geth's `UTC--…` files.
 * Hidden files and the keystore tool's temporary files are skipped.
 *
 * @example
 * isKeystoreFileName("UTC--2026-11-22T02-32-32.000Z--f39fd6e5…") // true
 * isKeystoreFileName(".0xabc.json.tmp")                          // false
 */
export function isKeystoreFileName(name: string): boolean {
  if (name.startsWith(".")) return false
  return name.toLowerCase().endsWith(".json") || name.startsWith("UTC--")
}

/**
 * Lists the keystore files of a source: the file itself, or a directory's keystore files
 * sorted by name (so wallet order is stable between runs).
 *
 * @example
 * const files = await listKeystoreFiles("./keystores") // Ok(["keystores/0x….json", …])
 */
export async function listKeystoreFiles(
  path: string,
): Promise<Result<string[], WalletFileAccessErrorType | WalletEmptySourceErrorType>> {
  try {
    const status = await stat(path)
    if (!status.isDirectory()) return Ok([path])
    const entries = await readdir(path, { withFileTypes: true })
    const files = entries
      .filter((entry) => entry.isFile() && isKeystoreFileName(entry.name))
      .map((entry) => entry.name)
      .sort()
      .map((name) => join(path, name))
    if (files.length === 0) {
      return Err(
        new WalletEmptySourceError({
          source: `keystore directory ${path}`,
          hint: "Put *.json keystores there, e.g. with the keystore tool's `generate` or `import` command.",
        }),
      )
    }
    return Ok(files)
  } catch (cause) {
    return Err(new WalletFileAccessError({ path, operation: "read", cause }))
  }
}

// Decryption costs ~0.7 s per file: each file is decrypted once per process, then served from
// the cache while its path, mtime and size are unchanged and the same password is given.
// Concurrent loads of one file share one decryption. Passwords are kept only as an HMAC
// under a per-process random key; failures are never cached.
type CacheEntry = { mtimeMs: number; size: number; passwordDigest: string; wallet: Wallet }
const cache = new Map<string, CacheEntry>()
const inFlight = new Map<string, Promise<Result<Wallet, KeystoreFileErrorType>>>()
const cacheKey = randomBytes(32)

function digestPassword(password: string): string {
  return createHmac("sha256", cacheKey).update(password).digest("hex")
}

async function decryptFile(file: string, password: string): Promise<Result<Wallet, KeystoreFileErrorType>> {
  const document = await readKeystoreFile(file)
  if (document.isErr()) return document
  const account = await decryptKeystore(document.value, password, file)
  if (account.isErr()) return account
  return Ok(createWalletFromDerivedKey(account.value.privateKey, account.value.address))
}

/**
 * Reads and decrypts one keystore file, once per process: later calls with an unchanged file
 * (path, mtime, size) and the same password return the cached wallet; concurrent calls share
 * one decryption.
 *
 * @example
 * const loaded = await loadKeystoreFile("keystores/a.json", password)
 * if (loaded.isOk()) loaded.value.wallet.address
 */
export async function loadKeystoreFile(
  file: string,
  password: string,
): Promise<Result<LoadedWallet, KeystoreFileErrorType>> {
  const absolute = resolve(file)
  let status: { mtimeMs: number; size: number }
  try {
    status = await stat(absolute)
  } catch (cause) {
    return Err(new WalletFileAccessError({ path: file, operation: "read", cause }))
  }
  const passwordDigest = digestPassword(password)
  const cached = cache.get(absolute)
  if (
    cached !== undefined &&
    cached.mtimeMs === status.mtimeMs &&
    cached.size === status.size &&
    cached.passwordDigest === passwordDigest
  ) {
    return Ok({ wallet: cached.wallet, origin: file })
  }
  const key = [absolute, status.mtimeMs, status.size, passwordDigest].join("\0")
  let pending = inFlight.get(key)
  if (pending === undefined) {
    pending = decryptFile(file, password).finally(() => inFlight.delete(key))
    inFlight.set(key, pending)
  }
  const wallet = await pending
  if (wallet.isErr()) return wallet
  cache.set(absolute, { mtimeMs: status.mtimeMs, size: status.size, passwordDigest, wallet: wallet.value })
  return Ok({ wallet: wallet.value, origin: file })
}

/**
 * Forgets every decrypted keystore (the next load decrypts again).
 *
 * @example
 * clearKeystoreCache()
 */
export function clearKeystoreCache(): void {
  cache.clear()
}
