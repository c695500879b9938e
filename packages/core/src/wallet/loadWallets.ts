import {
  WalletDuplicateAddressError,
  type WalletErrorType,
  WalletNotFoundError,
  WalletPasswordRequiredError,
} from "../errors/wallet.js"
import { Err, Ok, type Result } from "../result.js"
import { defaultScryptConcurrency, mapConcurrently } from "./concurrency.js"
import { passwordVariable } from "./password.js"
import { loadEnvironmentKeys } from "./sources/environment.js"
import { listKeystoreFiles, loadKeystoreFile } from "./sources/keystore.js"
import { deriveMnemonicWallets } from "./sources/mnemonic.js"
import { loadKeysFile } from "./sources/rawKeys.js"
import type { LoadedWallet, WalletSource } from "./sources/types.js"
import type { Wallet } from "./wallet.js"

/**
 * Options of {@link loadWallets}.
 *
 * @example
 * const options: LoadWalletsOptions = { password, count: 100, onProgress: (done, total) => bar.update(done, total) }
 */
export type LoadWalletsOptions = {
  /** Keystore password. Defaults to `TESTNET_WALLET_PASSWORD` from `environment`. */
  password?: string | undefined
  /**
   * Progress over the slow steps: called after each keystore file is decrypted (or served from
   * the cache) and each mnemonic wallet is derived, with `done` of `total` such steps.
   */
  onProgress?: ((done: number, total: number) => void) | undefined
  /** Where environment and mnemonic sources read variables. Defaults to `process.env`. */
  environment?: Readonly<Record<string, string | undefined>> | undefined
  /** Keystores decrypted at once (each scrypt holds ~128 MiB). Defaults to min(4, cores). */
  concurrency?: number | undefined
  /** Number of wallets wanted: fewer loaded is a `WalletNotFoundError`, more are cut off. */
  count?: number | undefined
}

/**
 * True if any source is a keystore, i.e. a password is needed (the CLI then calls `readPassword`).
 *
 * @example
 * if (needsPassword(config.wallets.sources)) password = (await readPassword()).unwrap()
 */
export function needsPassword(sources: readonly WalletSource[]): boolean {
  return sources.some((source) => source.kind === "keystore")
}

/**
 * Loads wallets from every source, in order, all or nothing: any bad input (wrong password,
 * corrupted keystore, bad key, duplicate address, empty source) gives one error naming the
 * file, line or index, and no wallet. Keystores are decrypted concurrently (native scrypt, off
 * the main thread), once per process.
 *
 * @example
 * const wallets = await loadWallets(
 *   [{ kind: "keystore", path: "./keystores" }, { kind: "environment", variable: "TESTNET_KEYS" }],
 *   { password, onProgress: (done, total) => progress.update(done / total) },
 * )
 * if (wallets.isErr()) return wallets // WalletErrorType, message names the file
 */
export async function loadWallets(
  sources: readonly WalletSource[],
  options: LoadWalletsOptions = {},
): Promise<Result<Wallet[], WalletErrorType>> {
  const environment = options.environment ?? process.env
  // Resolve every keystore file first, so progress has a total and no decryption starts
  // before every source is known to be readable.
  const keystoreFiles: string[][] = []
  for (const source of sources) {
    if (source.kind !== "keystore") continue
    const files = await listKeystoreFiles(source.path)
    if (files.isErr()) return Err(files.error)
    keystoreFiles.push(files.value)
  }
  const password = options.password ?? environment[passwordVariable]
  if (keystoreFiles.length > 0 && (password === undefined || password === "")) {
    return Err(
      new WalletPasswordRequiredError({
        reason: "keystore sources are configured but no password was given",
      }),
    )
  }
  // Progress counts the slow steps: keystore files decrypted and mnemonic wallets derived.
  const files = keystoreFiles.flat()
  const total =
    files.length + sources.reduce((sum, source) => sum + (source.kind === "mnemonic" ? source.count : 0), 0)
  let done = 0
  const step = () => options.onProgress?.(++done, total)
  // Cheap sources first: a bad key must not wait for minutes of scrypt to be reported.
  const groups: (LoadedWallet[] | undefined)[] = []
  for (const source of sources) {
    let loaded: Result<LoadedWallet[], WalletErrorType> | undefined
    if (source.kind === "keys-file") loaded = await loadKeysFile(source.path)
    else if (source.kind === "environment") loaded = loadEnvironmentKeys(source.variable, environment)
    else if (source.kind === "mnemonic") loaded = await deriveMnemonicWallets(source, environment, step)
    if (loaded?.isErr()) return Err(loaded.error)
    // Keystore sources leave a hole, filled once every keystore is decrypted.
    groups.push(loaded?.unwrap())
  }
  const decrypted = await mapConcurrently(
    files.length,
    options.concurrency ?? defaultScryptConcurrency(),
    (index) => loadKeystoreFile(files[index]!, password!),
    step,
  )
  if (decrypted.isErr()) return Err(decrypted.error)
  let keystoreIndex = 0
  for (const [index, source] of sources.entries()) {
    if (source.kind !== "keystore") continue
    groups[index] = decrypted.value.splice(0, keystoreFiles[keystoreIndex++]!.length)
  }
  const seen = new Map<string, string>()
  const wallets: Wallet[] = []
  for (const { wallet, origin } of groups.flatMap((group) => group ?? [])) {
    const first = seen.get(wallet.address)
    if (first !== undefined) {
      return Err(new WalletDuplicateAddressError({ address: wallet.address, first, second: origin }))
    }
    seen.set(wallet.address, origin)
    wallets.push(wallet)
  }
  if (options.count !== undefined) {
    if (wallets.length < options.count) {
      return Err(new WalletNotFoundError({ index: options.count - 1, total: wallets.length }))
    }
    return Ok(wallets.slice(0, options.count))
  }
  return Ok(wallets)
}

/**
 * Returns the wallet at `index`, or a `WalletNotFoundError` naming the index and the total.
 *
 * @example
 * const wallet = getWallet(wallets, 3)
 * if (wallet.isOk()) wallet.value.address
 */
export function getWallet(wallets: readonly Wallet[], index: number): Result<Wallet, WalletErrorType> {
  const wallet = wallets[index]
  return wallet === undefined ? Err(new WalletNotFoundError({ index, total: wallets.length })) : Ok(wallet)
}
