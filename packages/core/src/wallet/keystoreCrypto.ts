import {
  createCipheriv,
  createDecipheriv,
  pbkdf2,
  randomBytes,
  randomUUID,
  scrypt,
  timingSafeEqual,
} from "node:crypto"
import { computeAddress, getAddress, getBytes, keccak256 } from "ethers"
import {
  WalletAddressMismatchError,
  type WalletAddressMismatchErrorType,
  WalletDecryptionFailedError,
  type WalletDecryptionFailedErrorType,
  WalletKeystoreInvalidError,
  type WalletKeystoreInvalidErrorType,
} from "../errors/wallet.js"
import { Err, Ok, type Result } from "../result.js"

// Web3 Secret Storage v3, the format geth, ethers and cast read and write. The KDF runs in
// node's native scrypt (libuv thread pool): ~2.7x faster than ethers' JavaScript scrypt and
// parallel across cores without worker threads (measurements in ADR 0005).

/**
 * scrypt cost parameters. The defaults are ethers' (N = 2^17, r = 8, p = 1: ~128 MiB, ~0.7 s).
 *
 * @example
 * const light: ScryptParameters = { N: 1 << 10, r: 8, p: 1 } // tests only
 */
export type ScryptParameters = { N: number; r: number; p: number }

/**
 * The standard cost: what ethers' `encryptKeystoreJson` uses. Tests pass a light one.
 *
 * @example
 * await encryptKeystore(privateKey, password, defaultScryptParameters)
 */
export const defaultScryptParameters: ScryptParameters = Object.freeze({ N: 1 << 17, r: 8, p: 1 })

// A hostile or mistyped file must not make us allocate gigabytes.
const maxScryptMemory = 1 << 30

type KeystoreErrors =
  | WalletKeystoreInvalidErrorType
  | WalletDecryptionFailedErrorType
  | WalletAddressMismatchErrorType

type KdfParameters =
  | { name: "scrypt"; salt: Buffer; N: number; r: number; p: number }
  | { name: "pbkdf2"; salt: Buffer; iterations: number; digest: "sha256" | "sha512" }

type ParsedKeystore = {
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

function parseKeystore(
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

function passwordBytes(password: string): Buffer {
  // NFKC, as ethers does (geth uses the raw bytes; both agree on ASCII passwords).
  return Buffer.from(password.normalize("NFKC"), "utf8")
}

function deriveKey(password: string, kdf: KdfParameters): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const callback = (error: Error | null, key: Buffer) => (error ? reject(error) : resolve(key))
    if (kdf.name === "scrypt") {
      const { N, r, p } = kdf
      scrypt(passwordBytes(password), kdf.salt, 32, { N, r, p, maxmem: 256 * N * r + (1 << 20) }, callback)
    } else {
      pbkdf2(passwordBytes(password), kdf.salt, kdf.iterations, 32, kdf.digest, callback)
    }
  })
}

function computeMac(derivedKey: Buffer, ciphertext: Buffer): Buffer {
  return Buffer.from(getBytes(keccak256(Buffer.concat([derivedKey.subarray(16, 32), ciphertext]))))
}

/**
 * Decrypts a Web3 Secret Storage v3 keystore (JSON text or parsed; scrypt or pbkdf2,
 * aes-128-ctr) and returns the checksummed address and the `0x` private key. The KDF runs off
 * the main thread. `file` only names the keystore in errors.
 *
 * @example
 * const account = await decryptKeystore(await readFile(file, "utf8"), password, file)
 * if (account.isOk()) createWallet(account.value.privateKey)
 */
export async function decryptKeystore(
  keystore: string | object,
  password: string,
  file: string,
): Promise<Result<{ address: string; privateKey: string }, KeystoreErrors>> {
  const document = typeof keystore === "string" ? parseKeystoreText(keystore, file) : Ok(keystore)
  if (document.isErr()) return document
  const parsed = parseKeystore(document.value, file)
  if (parsed.isErr()) return parsed
  const { kdf, iv, ciphertext, mac, declaredAddress } = parsed.value
  let derivedKey: Buffer
  try {
    derivedKey = await deriveKey(password, kdf)
  } catch (cause) {
    return Err(new WalletKeystoreInvalidError({ file, reason: "key derivation failed", cause }))
  }
  if (!timingSafeEqual(computeMac(derivedKey, ciphertext), mac)) {
    return Err(new WalletDecryptionFailedError({ file }))
  }
  const decipher = createDecipheriv("aes-128-ctr", derivedKey.subarray(0, 16), iv)
  const keyBytes = Buffer.concat([decipher.update(ciphertext), decipher.final()])
  const privateKey = `0x${keyBytes.toString("hex")}`
  keyBytes.fill(0)
  derivedKey.fill(0)
  let address: string
  try {
    address = computeAddress(privateKey)
  } catch (cause) {
    return Err(
      new WalletKeystoreInvalidError({ file, reason: "the decrypted key is not a valid key", cause }),
    )
  }
  if (declaredAddress !== undefined && declaredAddress !== address) {
    return Err(new WalletAddressMismatchError({ file, declared: declaredAddress, actual: address }))
  }
  return Ok({ address, privateKey })
}

/**
 * Encrypts a private key into Web3 Secret Storage v3 JSON text (scrypt, aes-128-ctr), readable
 * by geth, ethers (`Wallet.fromEncryptedJson`) and cast. Keep the default cost outside tests.
 *
 * @example
 * const text = await encryptKeystore(privateKey, password)
 * const light = await encryptKeystore(privateKey, password, { N: 1 << 10, r: 8, p: 1 }) // tests only
 */
export async function encryptKeystore(
  privateKey: string,
  password: string,
  scryptParameters: ScryptParameters = defaultScryptParameters,
): Promise<string> {
  const address = computeAddress(privateKey)
  const salt = randomBytes(32)
  const iv = randomBytes(16)
  const { N, r, p } = scryptParameters
  const derivedKey = await deriveKey(password, { name: "scrypt", salt, N, r, p })
  const cipher = createCipheriv("aes-128-ctr", derivedKey.subarray(0, 16), iv)
  const keyBytes = Buffer.from(getBytes(privateKey))
  const ciphertext = Buffer.concat([cipher.update(keyBytes), cipher.final()])
  const mac = computeMac(derivedKey, ciphertext)
  keyBytes.fill(0)
  derivedKey.fill(0)
  return JSON.stringify({
    address: address.slice(2).toLowerCase(),
    id: randomUUID(),
    version: 3,
    crypto: {
      cipher: "aes-128-ctr",
      cipherparams: { iv: iv.toString("hex") },
      ciphertext: ciphertext.toString("hex"),
      kdf: "scrypt",
      kdfparams: { dklen: 32, n: N, p, r, salt: salt.toString("hex") },
      mac: mac.toString("hex"),
    },
  })
}
