/**
 * Funding of worker wallets from a funder: before the run (refuse to start when the funder cannot
 * cover the plan), refills during the run, and reclaim at the end. Funding transactions go through
 * the same submission pipeline (journaled, batched) under the task name {@link fundingTaskName}.
 */
import { setMaxListeners } from "node:events"
import type { BaseError } from "../errors/base.js"
import {
  FundingInsufficientBalanceError,
  type FundingInsufficientBalanceErrorType,
  FundingNoFunderError,
  type FundingNoFunderErrorType,
  FundingTransactionFailedError,
  type FundingTransactionFailedErrorType,
} from "../errors/funding.js"
import { silentLogger } from "../logging/silentLogger.js"
import { withWaitLog } from "../logging/waitLog.js"
import { Err, Ok, type Result } from "../result.js"
import type { RunnerGasManager, RunnerLogger, RunnerRpc, RunnerWallet } from "../runner/ports.js"
import type { Submitter } from "../runner/submitter.js"
import type { FundingHook } from "./fundingHook.js"
import { sendWithPoolRetry } from "./sendWithPoolRetry.js"

/**
 * Task name under which funding and reclaim transactions are journaled (kept out of the run statistics).
 *
 * @example
 * db.selectFrom("transactions").where("task", "!=", fundingTaskName)
 */
export const fundingTaskName = "_funding"

/**
 * What a funding round did.
 *
 * @example
 * console.log(`${report.funded} wallets funded with ${report.total}`)
 */
export type FundingReport = {
  funded: number
  total: bigint
  transactions: number
  funderBalance: bigint
  /** What was sent, one entry per transaction. */
  transfers: FundingTransferRecord[]
}

/**
 * One funding or reclaim transaction that was sent and included.
 *
 * @example
 * const record: FundingTransferRecord = { hash: "0x…", from: funder.address, to: [wallet], amount: 10n ** 17n }
 */
export type FundingTransferRecord = { hash: string; from: string; to: readonly string[]; amount: bigint }

/**
 * Errors of a funding round.
 *
 * @example
 * if (result.isErr() && result.error.code === "FUNDING_INSUFFICIENT_BALANCE") process.exitCode = 1
 */
export type FundingErrorType =
  | FundingInsufficientBalanceErrorType
  | FundingNoFunderErrorType
  | FundingTransactionFailedErrorType
  | BaseError

/**
 * Tops up every address below `threshold` to `target`. Refuses (before sending anything) when the
 * funder's balance cannot cover amounts plus fees.
 *
 * @example
 * const report = await fundWallets({ hook: nativeFundingHook, rpc, gas, submitter, funder, addresses, target: 10n ** 18n })
 */
export async function fundWallets(parameters: {
  hook: FundingHook
  rpc: RunnerRpc
  gas: RunnerGasManager
  submitter: Submitter
  funder: RunnerWallet | undefined
  addresses: readonly string[]
  target: bigint
  /** Refill only below this (default: the target itself). */
  threshold?: bigint
  signal?: AbortSignal
  /** Waits longer than 5 s are logged here ("waiting for funding transaction 0x…: 10 s"). */
  logger?: RunnerLogger
}): Promise<Result<FundingReport, FundingErrorType>> {
  const { hook, rpc, gas, submitter, funder, addresses, target } = parameters
  const logger = parameters.logger ?? silentLogger
  const threshold = parameters.threshold ?? target
  const all = funder === undefined ? [...addresses] : [funder.address, ...addresses]
  const balances = await withWaitLog(
    logger,
    `the balances of ${all.length} wallet(s)`,
    hook.balances({ rpc, addresses: all }),
  )
  if (balances.isErr()) return balances
  const offset = funder === undefined ? 0 : 1
  const funderBalance = funder === undefined ? 0n : (balances.value[0] ?? 0n)
  const recipients: { address: string; amount: bigint }[] = []
  for (const [index, address] of addresses.entries()) {
    const balance = balances.value[index + offset] ?? 0n
    if (balance < threshold && balance < target) recipients.push({ address, amount: target - balance })
  }
  if (recipients.length === 0)
    return Ok({ funded: 0, total: 0n, transactions: 0, funderBalance, transfers: [] })
  if (funder === undefined) return Err(new FundingNoFunderError({ walletsBelowTarget: recipients.length }))
  const fees = gas.currentFees()
  if (fees.isErr()) return fees
  const transfers = hook.transfers({ recipients, fees: fees.value, funder })
  const needed = transfers.reduce((sum, transfer) => sum + transfer.cost, 0n)
  if (needed > funderBalance)
    return Err(
      new FundingInsufficientBalanceError({
        funder: funder.address,
        needed,
        available: funderBalance,
        ...hook.currency,
      }) as FundingInsufficientBalanceErrorType,
    )
  // Sends past the per-sender limit wait on the signal together: by design, not a leak.
  if (parameters.signal !== undefined) setMaxListeners(0, parameters.signal)
  // All sends start in the same tick: one journal commit, one JSON-RPC batch — up to the
  // submitter's per-sender limit (16); the rest follow as earlier transfers are mined.
  const sent = await Promise.all(
    transfers.map((transfer) =>
      sendWithPoolRetry({
        submitter,
        wallet: funder,
        request: transfer.request,
        taskName: fundingTaskName,
        logger,
        ...(parameters.signal === undefined ? {} : { signal: parameters.signal }),
      }),
    ),
  )
  const receipts = await Promise.all(
    sent.map(async (result, index) => {
      const recipient = transfers[index]?.recipients.join(", ") ?? "?"
      if (result.isErr())
        return Err(new FundingTransactionFailedError({ recipient, reason: "rejected", cause: result.error }))
      const receipt = await withWaitLog(
        logger,
        `funding transaction ${result.value.hash}`,
        result.value.wait(parameters.signal),
      )
      if (receipt.isErr())
        return Err(
          new FundingTransactionFailedError({
            recipient,
            reason: receipt.error.shortMessage ?? "failed",
            hash: result.value.hash,
            cause: receipt.error,
          }),
        )
      return Ok(result.value.hash)
    }),
  )
  const amounts = new Map(recipients.map((recipient) => [recipient.address, recipient.amount]))
  const records: FundingTransferRecord[] = []
  for (const [index, receipt] of receipts.entries()) {
    if (receipt.isErr()) return receipt
    const to = transfers[index]?.recipients ?? []
    const amount = to.reduce((sum, address) => sum + (amounts.get(address) ?? 0n), 0n)
    records.push({ hash: receipt.value, from: funder.address, to, amount })
  }
  const total = recipients.reduce((sum, recipient) => sum + recipient.amount, 0n)
  return Ok({
    funded: recipients.length,
    total,
    transactions: transfers.length,
    funderBalance,
    transfers: records,
  })
}

/**
 * Sends what is left on each wallet back to the funder (minus the fee). Wallets must be idle.
 *
 * @example
 * const reclaimed = await reclaimFunds({ hook: nativeFundingHook, rpc, gas, submitter, wallets, funderAddress })
 */
export async function reclaimFunds(parameters: {
  hook: FundingHook
  rpc: RunnerRpc
  gas: RunnerGasManager
  submitter: Submitter
  wallets: readonly RunnerWallet[]
  funderAddress: string
  signal?: AbortSignal
}): Promise<
  Result<{ reclaimed: bigint; transactions: number; transfers: FundingTransferRecord[] }, FundingErrorType>
> {
  const { hook, rpc, gas, submitter, wallets, funderAddress } = parameters
  const balances = await hook.balances({ rpc, addresses: wallets.map((wallet) => wallet.address) })
  if (balances.isErr()) return balances
  const fees = gas.currentFees()
  if (fees.isErr()) return fees
  const sends = wallets.flatMap((wallet, index) => {
    const balance = balances.value[index] ?? 0n
    const request = hook.reclaim({ to: funderAddress, balance, fees: fees.value, wallet })
    return request === undefined ? [] : [{ wallet, request, balance }]
  })
  if (parameters.signal !== undefined) setMaxListeners(0, parameters.signal)
  const sent = await Promise.all(
    sends.map(({ wallet, request }) =>
      sendWithPoolRetry({
        submitter,
        wallet,
        request,
        taskName: fundingTaskName,
        ...(parameters.signal === undefined ? {} : { signal: parameters.signal }),
      }),
    ),
  )
  let reclaimed = 0n
  const records: FundingTransferRecord[] = []
  for (const [index, result] of sent.entries()) {
    const entry = sends[index]
    if (entry === undefined) continue
    if (result.isErr())
      return Err(
        new FundingTransactionFailedError({
          recipient: funderAddress,
          reason: "reclaim rejected",
          cause: result.error,
        }),
      )
    const receipt = await result.value.wait(parameters.signal)
    if (receipt.isErr())
      return Err(
        new FundingTransactionFailedError({
          recipient: funderAddress,
          reason: "reclaim failed",
          hash: result.value.hash,
          cause: receipt.error,
        }),
      )
    // A native reclaim carries its value; a token reclaim (a call) moves the whole token balance.
    const amount =
      "value" in entry.request && entry.request.value !== undefined ? entry.request.value : entry.balance
    reclaimed += amount
    records.push({ hash: result.value.hash, from: entry.wallet.address, to: [funderAddress], amount })
  }
  return Ok({ reclaimed, transactions: sends.length, transfers: records })
}
