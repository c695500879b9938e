import { defineTask, Ok, type SentTransaction, succeeded, taskFailure } from "@testnet/core"
import { feeManagerInterface } from "../../contracts/feeManager.js"
import { tokenLabel } from "../shared/tokens.js"
import { feeAmmLog, mintLiquidity, pickFeeAmmPool, readLiquidity, sendFeeAmmCall } from "./pools.js"

/**
 * Withdraws FeeAMM liquidity: burns part of the wallet's LP units in a fee token's pool (providing
 * some first when it holds none) and receives its share of both reserves. Checks the Burn log
 * (the test reads that the LP balance fell by exactly the burned units).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "fee_amm_burn")
 */
export const feeAmmBurn = defineTask({
  name: "fee_amm_burn",
  weight: 1,
  description: "Burns FeeAMM liquidity for its share of a pool (provides some first if it has none).",
  async run(context) {
    const pool = await pickFeeAmmPool(context)
    if (pool.isErr()) return pool
    const sent: SentTransaction[] = []
    let held = await readLiquidity(context, pool.value)
    if (held.isOk() && held.value === 0n) {
      const minted = await mintLiquidity(context, pool.value, context.random.bigint(10_000n, 100_000n))
      if (minted.isErr()) return minted
      sent.push(minted.value.sent)
      // Held nothing, so it holds what the Mint log says it minted (no read back).
      const liquidity = minted.value.liquidity
      if (liquidity === undefined) return taskFailure(context, "no Mint log in the receipt")
      held = Ok(liquidity)
    }
    if (held.isErr()) return held
    const liquidity = context.random.bigint(1n, held.value)
    const input = feeManagerInterface.encodeFunctionData("burn", [
      pool.value.userToken,
      pool.value.validatorToken,
      liquidity,
      context.address,
    ])
    const done = await sendFeeAmmCall(context, pool.value, input)
    if (done.isErr()) return done
    sent.push(done.value.sent)
    const burned = feeAmmLog(done.value.receipt, "Burn")
    if (burned?.args.liquidity !== liquidity) return taskFailure(context, `no Burn log for ${liquidity} LP`)
    const pair = `${tokenLabel(pool.value.userToken)}/${tokenLabel(pool.value.validatorToken)}`
    const { amountUserToken, amountValidatorToken } = burned.args
    return succeeded(sent, [
      `burned ${liquidity} LP in ${pair} for ${amountUserToken} + ${amountValidatorToken} (held ${held.value})`,
    ])
  },
})
