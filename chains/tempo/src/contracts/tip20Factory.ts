import { checksumAddress } from "@testnet/core/wallet"
import { FastInterface } from "./fastInterface.js"
import { addressWord, bytes32Word, keccakOfHex, selectorOf, stringTail, uintWord } from "./staticAbi.js"

/**
 * TIP20Factory ABI (the 6-argument `createToken` that anvil 1.7.1 implements).
 *
 * @example
 * const factory = new Contract(tempoAddresses.tip20Factory, tip20FactoryAbi, signer)
 */
export const tip20FactoryAbi = [
  "function createToken(string name, string symbol, string currency, address quoteToken, address admin, bytes32 salt) returns (address)",
  "function getTokenAddress(address sender, bytes32 salt) view returns (address)",
  "function isTIP20(address) view returns (bool)",
] as const

/**
 * ethers `Interface` for the TIP20Factory.
 *
 * @example
 * const [token] = tip20FactoryInterface.decodeFunctionResult("createToken", returned)
 */
export const tip20FactoryInterface = new FastInterface(tip20FactoryAbi)

/** Selectors of the encoders below (encoded by hand, see staticAbi.ts). */
const selectors = {
  createToken: selectorOf(tip20FactoryInterface, "createToken"),
  getTokenAddress: selectorOf(tip20FactoryInterface, "getTokenAddress"),
  isTIP20: selectorOf(tip20FactoryInterface, "isTIP20"),
}

/**
 * Parameters of `createToken`. The `admin` receives DEFAULT_ADMIN and must grant itself the
 * issuer role before minting.
 *
 * @example
 * const parameters: CreateTokenParameters = { name: "Meme USD", symbol: "MUSD", currency: "USD", quoteToken: tempoAddresses.pathUsd, admin: self, salt: randomSalt }
 */
export type CreateTokenParameters = {
  readonly name: string
  readonly symbol: string
  readonly currency: string
  readonly quoteToken: string
  readonly admin: string
  readonly salt: string
}

/**
 * Calldata for `createToken(...)`.
 *
 * @example
 * const input = encodeCreateToken({ name: "Test", symbol: "TST", currency: "USD", quoteToken: tempoAddresses.pathUsd, admin: self, salt: hexlify(randomBytes(32)) })
 */
export function encodeCreateToken(parameters: CreateTokenParameters): string {
  const { name, symbol, currency, quoteToken, admin, salt } = parameters
  // Head: three offsets of the strings, two addresses, the salt; tail: the strings in order.
  const tails = [stringTail(name), stringTail(symbol), stringTail(currency)]
  const headBytes = 6 * 32
  const offsets: string[] = []
  let offset = headBytes
  for (const tail of tails) {
    offsets.push(uintWord(BigInt(offset)))
    offset += tail.length / 2
  }
  return `${selectors.createToken}${offsets.join("")}${addressWord(quoteToken)}${addressWord(admin)}${bytes32Word(salt)}${tails.join("")}`
}

/**
 * Calldata for the view `getTokenAddress(sender, salt)` (the address `createToken` will use).
 *
 * @example
 * const data = encodeGetTokenAddress(self, salt)
 */
export function encodeGetTokenAddress(sender: string, salt: string): string {
  return `${selectors.getTokenAddress}${addressWord(sender)}${bytes32Word(salt)}`
}

/**
 * The address `createToken` called by `sender` with `salt` will use, computed locally: the TIP-20
 * prefix 0x20C0 followed by ten zero bytes, then the first 8 bytes of keccak256(abi.encode(sender,
 * salt)) (tempo `crates/precompiles/src/tip20_factory`, `compute_tip20_address`; the integration
 * test checks it against the factory's own `getTokenAddress`). Saves a read per created token.
 *
 * @example
 * const token = predictTip20Address(context.address, salt)
 */
export function predictTip20Address(sender: string, salt: string): string {
  const hash = keccakOfHex(`${addressWord(sender)}${bytes32Word(salt)}`)
  return checksumAddress(`0x20c000000000000000000000${hash.slice(2, 18)}`)
}

/**
 * Calldata of `isTIP20(token)`.
 *
 * @example
 * const data = encodeIsTip20(tempoAddresses.pathUsd)
 */
export function encodeIsTip20(token: string): string {
  return `${selectors.isTIP20}${addressWord(token)}`
}
