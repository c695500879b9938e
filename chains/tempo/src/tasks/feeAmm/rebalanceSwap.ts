import { defineTask, type SentTransaction, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { feeManagerInterface } from "../../contracts/feeManager.js"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { tempoRequest } from "../shared/tempoRequest.js"
import { tokenLabel } from "../shared/tokens.js"
import { feeAmmLog, pickFeeAmmPool, readReserves, sendFeeAmmCall } from "./pools.js"

/** A pool holding less of the user token than this gets a fee paid into it first. */
const minimumUserReserve = 1_000n

/**
 * The rebalancing trade that keeps fee pools usable: fees in a user token pile that token up in its
 * pool while draining the validator's token; `rebalanceSwap` buys the piled-up user token with the
 * validator's token at 0.9985 (amountIn = amountOut × 9985 / 10000 + 1, tempo
 * `crates/precompiles/src/tip_fee_manager/amm.rs` `rebalance_swap`). When the pool
 * holds (almost) none, the task first pays one fee in that token (a small pathUSD transfer to
 * itself). Takes at most a tenth of the user reserve, so concurrent rebalancers do not empty it.
 * Checks the RebalanceSwap log and its price.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "fee_amm_rebalance_swap")
 */
export const feeAmmRebalanceSwap = defineTask({
  name: "fee_amm_rebalance_swap",
  weight: 2,
  description: "Rebalances a FeeAMM pool: buys the accumulated fee token with the validator's token.",
  async run(context) {
    const pool = await pickFeeAmmPool(context)
    if (pool.isErr()) return pool
    const sent: SentTransaction[] = []
    let reserves = await readReserves(context, pool.value)
    if (reserves.isOk() && reserves.value.reserveUserToken < minimumUserReserve) {
      const feePaid = await sendAndConfirm(
        context,
        tempoRequest(context.wallet, {
          calls: [{ to: tempoAddresses.pathUsd, input: encodeTip20Transfer(context.address, 1n) }],
          gasLimit: tempoGasLimits.tip20Transfer,
          feeToken: pool.value.userToken,
        }),
      )
      if (feePaid.isErr()) return feePaid
      sent.push(feePaid.value.sent)
      reserves = await readReserves(context, pool.value)
    }
    if (reserves.isErr()) return reserves
    const ceiling = reserves.value.reserveUserToken / 10n
    if (ceiling < 1n)
      return taskFailure(context, `the pool holds only ${reserves.value.reserveUserToken} of the user token`)
    const amountOut = context.random.bigint(1n, ceiling < 5_000n ? ceiling : 5_000n)
    const input = feeManagerInterface.encodeFunctionData("rebalanceSwap", [
      pool.value.userToken,
      pool.value.validatorToken,
      amountOut,
      context.address,
    ])
    const done = await sendFeeAmmCall(context, pool.value, input)
    if (done.isErr()) return done
    sent.push(done.value.sent)
    const swapped = feeAmmLog(done.value.receipt, "RebalanceSwap")
    const expectedIn = (amountOut * 9_985n) / 10_000n + 1n
    if (swapped?.args.amountOut !== amountOut || swapped.args.amountIn !== expectedIn)
      return taskFailure(context, `no RebalanceSwap log of ${expectedIn} in for ${amountOut} out`)
    const pair = `${tokenLabel(pool.value.userToken)}/${tokenLabel(pool.value.validatorToken)}`
    return succeeded(sent, [`rebalanced ${pair}: ${expectedIn} in, ${amountOut} out`])
  },
})
