import { decodeTempoTransaction, recoverTempoSenderAddress } from "@testnet/tempo"

/**
 * The sender of a Tempo 0x76 raw transaction (for the proxy's per-sender pool cap), through
 * `@testnet/tempo`'s exported decoder; undefined for anything it cannot decode.
 *
 * @example
 * startNetworkConditionsProxy({ upstream, conditions, seed, decodeSender: tempoSender })
 */
export function tempoSender(raw: string): string | undefined {
  const decoded = decodeTempoTransaction(raw)
  if (decoded.isErr() || decoded.value.signature === undefined) return undefined
  return recoverTempoSenderAddress(decoded.value.fields, decoded.value.signature)
}
