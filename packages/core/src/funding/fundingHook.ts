import type { BaseError } from "../errors/base.js"
import type { Result } from "../result.js"
import type { TaskRpc, TaskSigner } from "../tasks/context.js"
import type { SendRequest, TransactionFees } from "../tasks/transactionTypes.js"

/**
 * One funding transaction (it may pay several recipients when the chain batches calls) and the most
 * it costs the funder (amounts + fee), in the funding currency.
 *
 * @example
 * const transfer: FundingTransfer = { request: { to, value: 10n ** 18n, gasLimit: 21_000n }, recipients: [to], cost: 10n ** 18n + 21_000n * maxFee }
 */
export type FundingTransfer = { request: SendRequest; recipients: readonly string[]; cost: bigint }

/**
 * How a chain moves its funding currency. The default (in the runner) moves the native currency;
 * a chain without native value transfers (Tempo) provides TIP-20 transfers instead.
 *
 * @example
 * const tip20Funding: FundingHook = {
 *   currency: { symbol: "pathUSD", decimals: 6 },
 *   balances: ({ rpc, addresses }) => balancesOf(rpc, pathUsd, addresses),
 *   transfers: ({ recipients }) => recipients.map(({ address, amount }) => ({ request: transferCall(address, amount), recipients: [address], cost: amount })),
 *   reclaim: ({ to, balance }) => (balance > 0n ? transferCall(to, balance) : undefined),
 * }
 */
export type FundingHook = {
  currency: { symbol: string; decimals: number }
  /** Balances of all addresses, issued together (one JSON-RPC batch). */
  balances(parameters: { rpc: TaskRpc; addresses: readonly string[] }): Promise<Result<bigint[], BaseError>>
  /**
   * Funding transactions from the funder to the recipients. `funder` signs them, for chains that
   * pack many recipients into one transaction it signs itself (Tempo's batched calls): the funder
   * may hold only 16 transactions in the pool, so one transfer per recipient is slow.
   */
  transfers(parameters: {
    recipients: readonly { address: string; amount: bigint }[]
    fees: TransactionFees
    funder: TaskSigner
  }): FundingTransfer[]
  /**
   * The transaction returning `balance` (minus its own fee) to `to`, or undefined if not worth it.
   * `wallet` is the wallet being emptied, for chains whose reclaim is a transaction it signs
   * itself (e.g. one batched call that returns several tokens).
   */
  reclaim(parameters: {
    to: string
    balance: bigint
    fees: TransactionFees
    wallet: TaskSigner
  }): SendRequest | undefined
}
