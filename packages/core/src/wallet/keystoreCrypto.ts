import {
  createCipheriv,
  createDecipheriv,
  pbkdf2,
  randomBytes,
  randomUUID,
  scrypt,
  timingSafeEqual,
} from "node:crypto"
import { computeAddress, getBytes, keccak256 } from "ethers"
import {
  WalletAddressMismatchError,
  type WalletAddressMismatchErrorType,
  WalletDecryptionFailedError,
  type WalletDecryptionFailedErrorType,
  WalletKeystoreInvalidError,
  type WalletKeystoreInvalidErrorType,
} from "../errors/wallet.js"
import { Err, Ok, type Result } from "../result.js"
import { type KdfParameters, parseKeystore, parseKeystoreText } from "./keystoreFormat.js"

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

type KeystoreErrors =
  | WalletKeystoreInvalidErrorType
  | WalletDecryptionFailedErrorType
  | WalletAddressMismatchErrorType

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
