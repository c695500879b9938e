import { readFile } from "node:fs/promises"
import { getAddress } from "ethers"
import {
  WalletFileAccessError,
  type WalletFileAccessErrorType,
  WalletKeystoreInvalidError,
  type WalletKeystoreInvalidErrorType,
} from "../errors/wallet.js"
import { Err, Ok, type Result } from "../result.js"

// Reading the Web3 Secret Storage v3 document: JSON shape, hex fields and KDF parameters, checked
// before any key derivation runs. The cryptography lives in keystoreCrypto.ts.

// A hostile or mistyped file must not make us allocate gigabytes.
const maxScryptMemory = 1 << 30

/** The key-derivation function of a keystore and its checked parameters. */
export type KdfParameters =
  | { name: "scrypt"; salt: Buffer; N: number; r: number; p: number }
  | { name: "pbkdf2"; salt: Buffer; iterations: number; digest: "sha256" | "sha512" }

/** A keystore document with every field decoded and checked. */
export type ParsedKeystore = {
  declaredAddress: string | undefined
  kdf: KdfParameters
  iv: Buffer
  ciphertext: Buffer
  mac: Buffer
}

function hexField(
  value: unknown,
  name: string,
  file: string,
): Result<Buffer, WalletKeystoreInvalidErrorType> {
  if (typeof value !== "string" || !/^(0x)?([0-9a-fA-F]{2})*$/.test(value)) {
    return Err(new WalletKeystoreInvalidError({ file, reason: `${name} is not hex` }))
  }
  return Ok(Buffer.from(value.replace(/^0x/i, ""), "hex"))
}

function positiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0
}

/**
 * Reads the declared address of a keystore document (no decryption). Undefined if absent.
 *
 * @example
 * readDeclaredAddress(JSON.parse(text), "keys/a.json") // Ok("0xf39F…2266")
 */
export function readDeclaredAddress(
  document: unknown,
  file: string,
): Result<string | undefined, WalletKeystoreInvalidErrorType> {
  const address = (document as { address?: unknown } | null)?.address
  if (address === undefined) return Ok(undefined)
  if (typeof address !== "string" || !/^(0x)?[0-9a-fA-F]{40}$/.test(address)) {
    return Err(new WalletKeystoreInvalidError({ file, reason: "the address field is not an address" }))
  }
  return Ok(getAddress(`0x${address.replace(/^0x/i, "").toLowerCase()}`))
}

/**
 * Parses keystore text into a plain object, checking it is a version-3 JSON document.
 *
 * @example
 * const document = parseKeystoreText(await readFile(file, "utf8"), file)
 */
export function parseKeystoreText(
  text: string,
  file: string,
): Result<object, WalletKeystoreInvalidErrorType> {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (cause) {
    return Err(new WalletKeystoreInvalidError({ file, reason: "not valid JSON", cause }))
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return Err(new WalletKeystoreInvalidError({ file, reason: "not a JSON object" }))
  }
  if (Number((document as { version?: unknown }).version) !== 3) {
    return Err(new WalletKeystoreInvalidError({ file, reason: "not a version 3 keystore" }))
  }
  return Ok(document)
}

/**
 * Reads a keystore file and parses it with {@link parseKeystoreText} (no decryption).
 *
 * @example
 * const document = await readKeystoreFile("keys/a.json")
 * if (document.isOk()) readDeclaredAddress(document.value, "keys/a.json")
 */
export async function readKeystoreFile(
  file: string,
): Promise<Result<object, WalletFileAccessErrorType | WalletKeystoreInvalidErrorType>> {
  let text: string
  try {
    text = await readFile(file, "utf8")
  } catch (cause) {
    return Err(new WalletFileAccessError({ path: file, operation: "read", cause }))
  }
  return parseKeystoreText(text, file)
}

/** Decodes and checks the crypto section of a parsed version-3 document. */
export function parseKeystore(
  document: object,
  file: string,
): Result<ParsedKeystore, WalletKeystoreInvalidErrorType> {
  const invalid = (reason: string) => Err(new WalletKeystoreInvalidError({ file, reason }))
  const record = document as Record<string, unknown>
  // geth writes "crypto", ethers "Crypto".
  const crypto = (record.crypto ?? record.Crypto) as Record<string, unknown> | undefined
  if (typeof crypto !== "object" || crypto === null) return invalid("no crypto section")
  if (String(crypto.cipher).toLowerCase() !== "aes-128-ctr")
    return invalid(`unsupported cipher ${String(crypto.cipher)}`)
  const declaredAddress = readDeclaredAddress(document, file)
  if (declaredAddress.isErr()) return declaredAddress
  const iv = hexField((crypto.cipherparams as { iv?: unknown } | undefined)?.iv, "cipherparams.iv", file)
  if (iv.isErr()) return iv
  if (iv.value.length !== 16) return invalid("cipherparams.iv is not 16 bytes")
  const ciphertext = hexField(crypto.ciphertext, "ciphertext", file)
  if (ciphertext.isErr()) return ciphertext
  if (ciphertext.value.length !== 32) return invalid("ciphertext is not 32 bytes")
  const mac = hexField(crypto.mac, "mac", file)
  if (mac.isErr()) return mac
  if (mac.value.length !== 32) return invalid("mac is not 32 bytes")
  const parameters = (crypto.kdfparams ?? {}) as Record<string, unknown>
  const salt = hexField(parameters.salt, "kdfparams.salt", file)
  if (salt.isErr()) return salt
  if (parameters.dklen !== 32) return invalid("kdfparams.dklen is not 32")
  const kdfName = String(crypto.kdf).toLowerCase()
  let kdf: KdfParameters
  if (kdfName === "scrypt") {
    const { n, r, p } = parameters
    if (!positiveInteger(n) || (n & (n - 1)) !== 0 || n < 2)
      return invalid("kdfparams.n is not a power of two")
    if (!positiveInteger(r) || !positiveInteger(p))
      return invalid("kdfparams.r or kdfparams.p is not positive")
    if (128 * n * r > maxScryptMemory) return invalid("scrypt parameters need more than 1 GiB of memory")
    kdf = { name: "scrypt", salt: salt.value, N: n, r, p }
  } else if (kdfName === "pbkdf2") {
    const { c, prf } = parameters
    const digest = String(prf)
      .toLowerCase()
      .replace(/^hmac-/, "")
    if (!positiveInteger(c)) return invalid("kdfparams.c is not positive")
    if (digest !== "sha256" && digest !== "sha512") return invalid(`unsupported prf ${String(prf)}`)
    kdf = { name: "pbkdf2", salt: salt.value, iterations: c, digest }
  } else {
    return invalid(`unsupported kdf ${String(crypto.kdf)}`)
  }
  return Ok({
    declaredAddress: declaredAddress.value,
    kdf,
    iv: iv.value,
    ciphertext: ciphertext.value,
    mac: mac.value,
  })
}
