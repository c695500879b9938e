import { sendAndConfirm, type TaskContext } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import type { TempoCall } from "../../transaction/types.js"
import { rememberIssuerGrants } from "./issuerRole.js"
import { tempoRequest } from "./tempoRequest.js"

/**
 * Sends `calls` as one Tempo transaction paying its fee in pathUSD and waits for a successful
 * receipt; the issuer roles the batch granted the wallet are remembered for the run. pathUSD,
 * because the tokens tasks create have no FeeAMM liquidity and must never pay a fee.
 *
 * @example
 * const done = await sendPathUsdCalls(context, [{ to: token, input: encodeTip20Burn(5n) }], 900_000n)
 */
export async function sendPathUsdCalls(context: TaskContext, calls: readonly TempoCall[], gasLimit: bigint) {
  const done = await sendAndConfirm(
    context,
    tempoRequest(context.wallet, { calls, gasLimit, feeToken: tempoAddresses.pathUsd }),
  )
  if (done.isOk()) rememberIssuerGrants(context, calls)
  return done
}
