/**
 * How a chain moves its funding currency: balances, transfers from the funder, reclaim. The
 * default moves the native currency; a chain without native value (Tempo) provides TIP-20 transfers.
 */
import type { BaseError } from "../errors/base.js"
import { Ok, type Result } from "../result.js"
import type { RunnerFees, RunnerRpc } from "./ports.js"
import type { SendRequest } from "./sendRequest.js"

/**
 * One funding transaction (it may pay several recipients when the chain batches calls) and what it
 * costs the funder at most (amounts + fee), in the funding currency.
 *
 * @example
 * const transfer: FundingTransfer = { request: { to, value: 10n ** 18n, gasLimit: 21_000n }, recipients: [to], cost: 10n ** 18n + 21_000n * maxFee }
 */
export type FundingTransfer = { request: SendRequest; recipients: readonly string[]; cost: bigint }

/**
 * The chain's funding strategy.
 *
 * @example
 * const hook: FundingHook = nativeFundingHook
 */
export type FundingHook = {
  currency: { symbol: string; decimals: number }
  /** Balances of all addresses, issued together (one JSON-RPC batch). */
  balances(parameters: { rpc: RunnerRpc; addresses: readonly string[] }): Promise<Result<bigint[], BaseError>>
  /** Funding transactions from the funder to the recipients. */
  transfers(parameters: {
    recipients: readonly { address: string; amount: bigint }[]
    fees: RunnerFees
  }): FundingTransfer[]
  /** The transaction returning `balance` (minus its own fee) to the funder, or undefined if not worth it. */
  reclaim(parameters: { to: string; balance: bigint; fees: RunnerFees }): SendRequest | undefined
}

const transferGas = 21_000n

/**
 * Worst-case fee of one plain transfer.
 *
 * @example
 * maxTransferFee({ gasPrice: 5n }) // 105000n
 */
function maxTransferFee(fees: RunnerFees): bigint {
  return transferGas * ("gasPrice" in fees ? fees.gasPrice : fees.maxFeePerGas)
}

/**
 * Native-currency funding: eth_getBalance in one batch, one value transfer per recipient.
 *
 * @example
 * const runner = createRunner({ ..., funding: { hook: nativeFundingHook, funder, targetBalance: 10n ** 18n } })
 */
export const nativeFundingHook: FundingHook = {
  currency: { symbol: "ETH", decimals: 18 },
  async balances({ rpc, addresses }) {
    const results = await Promise.all(
      addresses.map((address) => rpc.request<string>("eth_getBalance", [address, "latest"])),
    )
    const balances: bigint[] = []
    for (const result of results) {
      if (result.isErr()) return result
      balances.push(BigInt(result.value))
    }
    return Ok(balances)
  },
  transfers({ recipients, fees }) {
    return recipients.map(({ address, amount }) => ({
      request: { to: address, value: amount, gasLimit: transferGas },
      recipients: [address],
      cost: amount + maxTransferFee(fees),
    }))
  },
  reclaim({ to, balance, fees }) {
    const fee = maxTransferFee(fees)
    if (balance <= fee * 2n) return undefined
    return { to, value: balance - fee, gasLimit: transferGas }
  },
}
