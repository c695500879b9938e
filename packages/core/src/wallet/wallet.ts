import { inspect } from "node:util"
import { computeAddress, type Signature, SigningKey, Transaction, type TransactionLike } from "ethers"
import type { WalletInvalidKeyFormatErrorType, WalletInvalidKeyLengthErrorType } from "../errors/wallet.js"
import type { Result } from "../result.js"
import { parsePrivateKey } from "./privateKey.js"

/**
 * A local signer. The private key is held in a `#private` field: it is not a property, so no
 * `JSON.stringify`, `util.inspect`, template string or logger can reach it. Only
 * {@link exportPrivateKey} returns it.
 *
 * @example
 * const serialized = wallet.signTransaction({ chainId: 31337n, nonce: 0, to, value: 1n, gasLimit: 21_000n, gasPrice })
 * console.log(`${wallet}`) // "Wallet(0xf39F…2266)"
 */
export type Wallet = {
  /** Checksummed address. */
  readonly address: string
  /** Signs a transaction locally and returns it serialised (`0x…`, ready for eth_sendRawTransaction). */
  signTransaction(transaction: TransactionLike<string>): string
  /** Signs a 32-byte digest (for chain-specific transaction types the chain package serialises itself). */
  signDigest(digest: Uint8Array | string): Signature
  /** `Wallet(0xAbC…)`: the address only. */
  toString(): string
  /** `{ address }`: the address only. */
  toJSON(): { address: string }
}

let readSigningKey: (wallet: LocalWallet) => SigningKey

class LocalWallet implements Wallet {
  readonly #signingKey: SigningKey
  readonly address: string

  static {
    readSigningKey = (wallet) => wallet.#signingKey
  }

  constructor(privateKey: string, address?: string) {
    this.#signingKey = new SigningKey(privateKey)
    // The public-key multiplication is most of a wallet's creation cost (~0.5 ms): skip it when
    // the caller (HD derivation, keystore decryption) has just computed the address.
    this.address = address ?? computeAddress(this.#signingKey.publicKey)
    Object.freeze(this)
  }

  signTransaction(transaction: TransactionLike<string>): string {
    const { from, ...unsigned } = transaction
    // A different `from` is a caller bug (wrong wallet leased), not a recoverable condition.
    if (from != null && from.toLowerCase() !== this.address.toLowerCase()) {
      throw new Error(`signTransaction: transaction.from ${from} is not this wallet (${this.address})`)
    }
    const built = Transaction.from(unsigned)
    built.signature = this.#signingKey.sign(built.unsignedHash)
    return built.serialized
  }

  signDigest(digest: Uint8Array | string): Signature {
    return this.#signingKey.sign(digest)
  }

  toString(): string {
    return `Wallet(${this.address})`
  }

  toJSON(): { address: string } {
    return { address: this.address }
  }

  [inspect.custom](): string {
    return this.toString()
  }
}

/**
 * Creates a wallet from a hex private key (with or without `0x`). Errors name `location`, never
 * the key.
 *
 * @example
 * const wallet = createWallet(anvilKey).unwrap()
 * wallet.address   // "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
 * String(wallet)   // "Wallet(0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266)"
 */
export function createWallet(
  privateKey: string,
  location = "private key",
): Result<Wallet, WalletInvalidKeyFormatErrorType | WalletInvalidKeyLengthErrorType> {
  return parsePrivateKey(privateKey, location).map((normalised) => new LocalWallet(normalised))
}

/**
 * Creates a wallet from a key already validated, with its address already computed (by ethers'
 * HD derivation or keystore decryption). Internal: not exported from the package.
 *
 * @example
 * const wallet = createWalletFromDerivedKey(child.privateKey, child.address)
 */
export function createWalletFromDerivedKey(privateKey: string, address: string): Wallet {
  return new LocalWallet(privateKey, address)
}

/**
 * True for wallets made by this module (the only ones {@link exportPrivateKey} accepts).
 *
 * @example
 * isWallet(createWallet(anvilKey).unwrap()) // true
 * isWallet({ address: "0x…" })             // false
 */
export function isWallet(value: unknown): value is Wallet {
  return value instanceof LocalWallet
}

/**
 * Returns the wallet's private key as `0x` + 64 hex characters. The one explicit way to get a
 * key out (for the native fast signer and the keystore tool): never log what it returns.
 * Throws for objects that are not wallets of this module (a caller bug).
 *
 * @example
 * const key = exportPrivateKey(wallet) // "0x…"; hand it to the signer, do not print it
 */
export function exportPrivateKey(wallet: Wallet): string {
  if (!(wallet instanceof LocalWallet))
    throw new TypeError("exportPrivateKey: not a wallet created by @testnet/core")
  return readSigningKey(wallet).privateKey
}
