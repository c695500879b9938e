import { randomBytes } from "node:crypto"
import { access, link, mkdir, open, rename, unlink } from "node:fs/promises"
import { join } from "node:path"
import { Wallet as EthersWallet } from "ethers"
import {
  WalletDuplicateAddressError,
  type WalletErrorType,
  WalletFileAccessError,
  WalletFileExistsError,
  WalletKeystoreInvalidError,
  WalletPasswordRequiredError,
} from "../errors/wallet.js"
import { Err, Ok, type Result } from "../result.js"
import { defaultScryptConcurrency, mapConcurrently } from "./concurrency.js"
import { encryptKeystore, type ScryptParameters } from "./keystoreCrypto.js"
import { readDeclaredAddress, readKeystoreFile } from "./keystoreFormat.js"
import { parsePrivateKey } from "./privateKey.js"
import { listKeystoreFiles } from "./sources/keystore.js"
import { createWallet } from "./wallet.js"

/**
 * A keystore file written or listed by the keystore tool.
 *
 * @example
 * const info: KeystoreFileInfo = { address: "0xf39F…2266", file: "keystores/0xf39F…2266.json" }
 */
export type KeystoreFileInfo = { readonly address: string; readonly file: string }

type WriteOptions = {
  directory: string
  password: string
  onProgress?: ((done: number, total: number) => void) | undefined
  /** scrypt cost; keep the default (ethers' standard) outside tests. */
  scrypt?: ScryptParameters | undefined
  /** Keys encrypted at once (each scrypt holds ~128 MiB). Defaults to min(4, cores). */
  concurrency?: number | undefined
}

/**
 * Options of {@link generateKeystores}.
 *
 * @example
 * const options: GenerateKeystoresOptions = { directory: "./keystores", count: 10, password }
 */
export type GenerateKeystoresOptions = WriteOptions & { count: number }

/**
 * Options of {@link importKeys}.
 *
 * @example
 * const options: ImportKeysOptions = { keys: ["0x…"], directory: "./keystores", password }
 */
export type ImportKeysOptions = WriteOptions & { keys: readonly string[] }

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

async function writeNewFile(file: string, text: string): Promise<Result<void, WalletErrorType>> {
  // Write a private temporary file, flush it, then hard-link it into place: the link is atomic
  // and, unlike rename, fails instead of replacing an existing keystore.
  const temporary = join(file, "..", `.${randomBytes(6).toString("hex")}.tmp`)
  try {
    const handle = await open(temporary, "wx", 0o600)
    try {
      await handle.writeFile(text, "utf8")
      await handle.sync()
    } finally {
      await handle.close()
    }
    try {
      await link(temporary, file)
    } catch (cause) {
      const code = (cause as { code?: unknown }).code
      // File systems without hard links (some network and FAT mounts): check, then rename.
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw cause
      if (await exists(file)) return Err(new WalletFileExistsError({ file }))
      await rename(temporary, file)
    }
    return Ok(undefined)
  } catch (cause) {
    if ((cause as { code?: unknown }).code === "EEXIST") return Err(new WalletFileExistsError({ file }))
    return Err(new WalletFileAccessError({ path: file, operation: "write", cause }))
  } finally {
    await unlink(temporary).catch(() => undefined)
  }
}

async function writeKeystores(
  privateKeys: readonly string[],
  options: WriteOptions,
): Promise<Result<KeystoreFileInfo[], WalletErrorType>> {
  if (options.password === "") {
    return Err(new WalletPasswordRequiredError({ reason: "an empty password cannot protect a keystore" }))
  }
  try {
    await mkdir(options.directory, { recursive: true, mode: 0o700 })
  } catch (cause) {
    return Err(new WalletFileAccessError({ path: options.directory, operation: "write", cause }))
  }
  return mapConcurrently(
    privateKeys.length,
    options.concurrency ?? defaultScryptConcurrency(),
    async (index): Promise<Result<KeystoreFileInfo, WalletErrorType>> => {
      const privateKey = privateKeys[index]!
      const address = createWallet(privateKey).unwrap().address
      const file = join(options.directory, `${address}.json`)
      const text = await encryptKeystore(privateKey, options.password, options.scrypt)
      const written = await writeNewFile(file, text)
      return written.map(() => ({ address, file }))
    },
    options.onProgress,
  )
}

/**
 * Generates `count` random keys and writes each as an encrypted keystore
 * (`<directory>/<address>.json`, mode 0600; the directory is created 0700). Files are written
 * atomically and never overwritten. Returns the addresses and files, never the keys.
 *
 * @example
 * const files = await generateKeystores({ directory: "./keystores", count: 100, password,
 *   onProgress: (done, total) => console.error(`${done}/${total}`) })
 */
export async function generateKeystores(
  options: GenerateKeystoresOptions,
): Promise<Result<KeystoreFileInfo[], WalletErrorType>> {
  const keys = Array.from({ length: options.count }, () => EthersWallet.createRandom().privateKey)
  return writeKeystores(keys, options)
}

/**
 * Encrypts existing hex keys into keystores (same file rules as {@link generateKeystores}).
 * All keys are validated first: a bad or repeated key gives an error naming its position
 * (`key #3`), and nothing is written.
 *
 * @example
 * const files = await importKeys({ keys: lines, directory: "./keystores", password })
 */
export async function importKeys(
  options: ImportKeysOptions,
): Promise<Result<KeystoreFileInfo[], WalletErrorType>> {
  const normalised: string[] = []
  const seen = new Map<string, string>()
  for (const [index, key] of options.keys.entries()) {
    const location = `key #${index + 1}`
    const parsed = parsePrivateKey(key, location)
    if (parsed.isErr()) return Err(parsed.error)
    const address = createWallet(parsed.value).unwrap().address
    const first = seen.get(address)
    if (first !== undefined) return Err(new WalletDuplicateAddressError({ address, first, second: location }))
    seen.set(address, location)
    normalised.push(parsed.value)
  }
  return writeKeystores(normalised, options)
}

/**
 * Lists the addresses of a keystore file or directory from the files' `address` field, without
 * decrypting (no password, instant).
 *
 * @example
 * const listed = await listKeystoreAddresses("./keystores")
 * if (listed.isOk()) console.log(exportAddressesCsv(listed.value))
 */
export async function listKeystoreAddresses(
  path: string,
): Promise<Result<KeystoreFileInfo[], WalletErrorType>> {
  const files = await listKeystoreFiles(path)
  if (files.isErr()) return Err(files.error)
  const listed: KeystoreFileInfo[] = []
  for (const file of files.value) {
    const document = await readKeystoreFile(file)
    if (document.isErr()) return Err(document.error)
    const address = readDeclaredAddress(document.value, file)
    if (address.isErr()) return Err(address.error)
    if (address.value === undefined) {
      return Err(new WalletKeystoreInvalidError({ file, reason: "it has no address field to list" }))
    }
    listed.push({ address: address.value, file })
  }
  return Ok(listed)
}

/**
 * Renders addresses as CSV with the header `index,address` (one row per wallet, zero-based).
 *
 * @example
 * exportAddressesCsv(["0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"])
 * // "index,address\n0,0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\n"
 */
export function exportAddressesCsv(addresses: readonly (string | { readonly address: string })[]): string {
  const rows = addresses.map(
    (entry, index) => `${index},${typeof entry === "string" ? entry : entry.address}`,
  )
  return `index,address\n${rows.map((row) => `${row}\n`).join("")}`
}
