/**
 * The fast signer: a core `Wallet` whose signTransaction encodes the two hot fixed-shape types by
 * hand (lean RLP on bytes), hashes with native keccak and signs with native libsecp256k1 when they
 * load, ethers' JavaScript otherwise.
 * Other shapes go through ethers' Transaction (still with this wallet's digest signer). Output is
 * byte-identical to core's ethers-backed wallet.
 */
import { inspect } from "node:util"
import { Signature, Transaction, type TransactionLike } from "ethers"
import { SigningBackendUnavailableError, type SigningBackendUnavailableErrorType } from "../errors/signing.js"
import type { WalletInvalidKeyFormatErrorType, WalletInvalidKeyLengthErrorType } from "../errors/wallet.js"
import { Err, Ok, type Result } from "../result.js"
import { parsePrivateKey } from "../wallet/privateKey.js"
import { exportPrivateKey, type Wallet } from "../wallet/wallet.js"
import { checksumAddress } from "./checksumAddress.js"
import {
  createEthersDigestSigner,
  createNativeDigestSigner,
  type DigestSigner,
  type SigningBackend,
} from "./digestSigner.js"
import { bytesToHex, hexToBytes } from "./hex.js"
import { type KeccakBackend, selectKeccak } from "./keccak.js"
import { encodeSigned, encodeUnsigned, toLeanTransaction } from "./leanTransaction.js"
import { getNativeSignerStatus } from "./nativeBinding.js"
import type { Keccak256 } from "./nativeKeccak.js"

/**
 * A core {@link Wallet} that reports which backends sign and hash for it.
 *
 * @example
 * const wallet = createFastWallet(key).unwrap()
 * wallet.backend // "native" (or "ethers" where the binding cannot load)
 * wallet.keccakBackend // "native" (or "js")
 */
export type FastWallet = Wallet & {
  readonly backend: SigningBackend
  /** Which keccak-256 hashes: "native" (npm `keccak`) when it loads and the backend is not "ethers". */
  readonly keccakBackend: KeccakBackend
  /**
   * Signs and returns the transaction hash too, hashed from the signed bytes (no second pass
   * over the hex string): for pipelines that journal the hash before broadcasting.
   */
  signTransactionWithHash(transaction: TransactionLike<string>): { raw: string; hash: string }
}

/**
 * Options of {@link createFastWallet}.
 *
 * @example
 * const options: FastWalletOptions = { backend: "native" } // an error instead of a silent fallback
 */
export type FastWalletOptions = {
  /**
   * "auto" (default): native if it loads, else ethers. "native": error if it cannot load.
   * "ethers": all JavaScript, the native keccak included (what users without the binaries get).
   * The native keccak is used whenever it loads and the backend is not "ethers", never required.
   */
  backend?: "auto" | SigningBackend
}

/**
 * Errors of {@link createFastWallet}.
 *
 * @example
 * function explain(error: FastWalletErrorType) { return error.shortMessage }
 */
export type FastWalletErrorType =
  | WalletInvalidKeyFormatErrorType
  | WalletInvalidKeyLengthErrorType
  | SigningBackendUnavailableErrorType

let readKey: (wallet: FastWalletImplementation) => Uint8Array

class FastWalletImplementation implements FastWallet {
  readonly #key: Uint8Array
  readonly #signer: DigestSigner
  readonly #keccak: Keccak256
  readonly address: string
  readonly backend: SigningBackend
  readonly keccakBackend: KeccakBackend

  static {
    readKey = (wallet) => wallet.#key
  }

  constructor(
    key: Uint8Array,
    signer: DigestSigner,
    keccak: ReturnType<typeof selectKeccak>,
    address: string | undefined,
  ) {
    this.#key = key
    this.#signer = signer
    this.backend = signer.backend
    this.#keccak = keccak.keccak256
    this.keccakBackend = keccak.backend
    this.address =
      address ?? checksumAddress(bytesToHex(this.#keccak(signer.publicKey().subarray(1)).subarray(12)))
    // Bound, so `wallet.signDigest` can be handed around as a function (chain serialisers do).
    this.signTransaction = this.signTransaction.bind(this)
    this.signTransactionWithHash = this.signTransactionWithHash.bind(this)
    this.signDigest = this.signDigest.bind(this)
    Object.freeze(this)
  }

  signTransaction(transaction: TransactionLike<string>): string {
    const lean = this.#leanSigned(transaction)
    return lean === undefined ? this.#ethersSigned(transaction) : bytesToHex(lean)
  }

  signTransactionWithHash(transaction: TransactionLike<string>): { raw: string; hash: string } {
    const lean = this.#leanSigned(transaction)
    if (lean !== undefined) return { raw: bytesToHex(lean), hash: bytesToHex(this.#keccak(lean)) }
    const raw = this.#ethersSigned(transaction)
    return { raw, hash: bytesToHex(this.#keccak(hexToBytes(raw) as Uint8Array)) }
  }

  /** The signed bytes through the lean encoder, or undefined for shapes it declines. */
  #leanSigned(transaction: TransactionLike<string>): Uint8Array | undefined {
    const { from } = transaction
    // A different `from` is a caller bug (wrong wallet leased), not a recoverable condition.
    if (from != null && from !== this.address && from.toLowerCase() !== this.address.toLowerCase())
      throw new Error(`signTransaction: transaction.from ${from} is not this wallet (${this.address})`)
    const lean = toLeanTransaction(transaction)
    if (lean === undefined) return undefined
    return encodeSigned(lean, this.#signer.sign(this.#keccak(encodeUnsigned(lean))))
  }

  #ethersSigned(transaction: TransactionLike<string>): string {
    const { from: _from, ...unsigned } = transaction
    const built = Transaction.from(unsigned)
    built.signature = this.signDigest(built.unsignedHash)
    return built.serialized
  }

  signDigest(digest: Uint8Array | string): Signature {
    const bytes = typeof digest === "string" ? hexToBytes(digest) : digest
    if (bytes === undefined || bytes.length !== 32)
      throw new TypeError("signDigest: the digest must be 32 bytes (0x + 64 hex characters)")
    const { r, s, yParity } = this.#signer.sign(bytes)
    return Signature.from({ r: bytesToHex(r), s: bytesToHex(s), yParity })
  }

  toString(): string {
    return `FastWallet(${this.address})`
  }

  toJSON(): { address: string } {
    return { address: this.address }
  }

  [inspect.custom](): string {
    return this.toString()
  }
}

function createSigner(
  key: Uint8Array,
  backend: FastWalletOptions["backend"],
): Result<DigestSigner, SigningBackendUnavailableErrorType> {
  if (backend === "ethers") return Ok(createEthersDigestSigner(key))
  const status = getNativeSignerStatus()
  if (status.available) return Ok(createNativeDigestSigner(status.binding, key))
  if (backend === "native")
    return Err(
      new SigningBackendUnavailableError({
        backend: "native",
        reason: status.reason,
        cause: status.cause,
      }) as SigningBackendUnavailableErrorType,
    )
  return Ok(createEthersDigestSigner(key))
}

/**
 * Creates a fast wallet from a hex private key or from a core wallet (same address, same key).
 * Satisfies core's `Wallet`, so the runner and tasks use it unchanged. The key lives in a
 * `#private` field; `toString`, `toJSON` and `util.inspect` show the address only.
 *
 * @example
 * const wallet = createFastWallet(createWallet(key).unwrap()).unwrap()
 * const raw = wallet.signTransaction({ type: 2, chainId: 31337, nonce: 0, to, value: 1n, gasLimit: 21_000n, maxFeePerGas: 2n * 10n ** 9n, maxPriorityFeePerGas: 1n })
 * String(wallet) // "FastWallet(0xf39F…2266)"
 */
export function createFastWallet(
  source: string | Wallet,
  options: FastWalletOptions = {},
): Result<FastWallet, FastWalletErrorType> {
  let key: Uint8Array
  let address: string | undefined
  if (typeof source === "string") {
    const parsed = parsePrivateKey(source, "private key")
    if (parsed.isErr()) return parsed
    key = hexToBytes(parsed.value) as Uint8Array
  } else {
    key =
      source instanceof FastWalletImplementation
        ? readKey(source)
        : (hexToBytes(exportPrivateKey(source)) as Uint8Array)
    address = source.address
  }
  const signer = createSigner(key, options.backend)
  if (signer.isErr()) return signer
  const keccak = selectKeccak(options.backend !== "ethers")
  return Ok(new FastWalletImplementation(key, signer.value, keccak, address))
}

/**
 * Wraps many wallets at once (e.g. the runner's worker wallets); stops at the first error.
 *
 * @example
 * const fast = createFastWallets(wallets).unwrap()
 * fast[0]?.backend // "native"
 */
export function createFastWallets(
  wallets: readonly Wallet[],
  options: FastWalletOptions = {},
): Result<FastWallet[], FastWalletErrorType> {
  const created: FastWallet[] = []
  for (const wallet of wallets) {
    const fast = createFastWallet(wallet, options)
    if (fast.isErr()) return fast
    created.push(fast.value)
  }
  return Ok(created)
}
