import { Transaction } from "ethers"

/**
 * Recovers the sender of a raw transaction the proxy cannot decode itself (e.g. Tempo's 0x76,
 * through `@testnet/tempo`'s decoder); undefined when it cannot tell.
 *
 * @example
 * const decodeSender: SenderDecoder = (raw) => (raw.startsWith("0x76") ? recoverTempoSender(raw) : undefined)
 */
export type SenderDecoder = (raw: string) => string | undefined

/**
 * The sender (lower-case address) of a signed raw transaction: ethers for the Ethereum types
 * (legacy, 1, 2, …), then `fallback` for the rest; undefined when neither can tell.
 *
 * @example
 * senderOfRawTransaction("0x02f86c…") // "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"
 */
export function senderOfRawTransaction(raw: string, fallback?: SenderDecoder): string | undefined {
  try {
    const from = Transaction.from(raw).from
    if (from !== null) return from.toLowerCase()
  } catch {
    // Not an Ethereum type ethers knows (e.g. 0x76): ask the fallback.
  }
  try {
    return fallback?.(raw)?.toLowerCase()
  } catch {
    return undefined
  }
}
