import {
  type BaseError,
  type ConfirmedTransaction,
  Ok,
  type Result,
  type TaskContext,
  type TransactionReceipt,
} from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import type { TempoCall } from "../../transaction/types.js"
import { rememberIssuerGrants } from "./issuerRole.js"
import { type PendingTransaction, sendPending } from "./pendingSend.js"
import { tempoRequest } from "./tempoRequest.js"

/**
 * Starts sending `calls` as one Tempo transaction paying its fee in pathUSD, without waiting (the
 * next step may go out right behind it); once its receipt is waited for and shows success, the
 * issuer roles the batch granted the wallet are remembered for the run. pathUSD, because the tokens
 * tasks create have no FeeAMM liquidity and must never pay a fee. `gasLimit` is fixed: no estimate.
 * `check` then runs on the receipt (the log the batch must have left).
 *
 * @example
 * const pending = await sendPathUsdCallsPending(context, [{ to: token, input: encodeTip20Burn(5n) }], 900_000n)
 */
export function sendPathUsdCallsPending(
  context: TaskContext,
  calls: readonly TempoCall[],
  gasLimit: bigint,
  check?: (receipt: TransactionReceipt) => Result<unknown, BaseError>,
): PendingTransaction {
  return sendPending(
    context,
    tempoRequest(context.wallet, { calls, gasLimit, feeToken: tempoAddresses.pathUsd }),
    (receipt) => {
      rememberIssuerGrants(context, calls)
      return check === undefined ? Ok(undefined) : check(receipt)
    },
  )
}

/**
 * Sends `calls` as one Tempo transaction paying its fee in pathUSD and waits for a successful
 * receipt (see {@link sendPathUsdCallsPending}).
 *
 * @example
 * const done = await sendPathUsdCalls(context, [{ to: token, input: encodeTip20Burn(5n) }], 900_000n)
 */
export async function sendPathUsdCalls(
  context: TaskContext,
  calls: readonly TempoCall[],
  gasLimit: bigint,
): Promise<Result<ConfirmedTransaction, BaseError>> {
  return sendPathUsdCallsPending(context, calls, gasLimit).confirmed()
}
