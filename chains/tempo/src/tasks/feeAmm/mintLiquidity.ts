import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { tokenLabel } from "../shared/tokens.js"
import { mintLiquidity, pickFeeAmmPool } from "./pools.js"

/**
 * Provides FeeAMM liquidity: deposits 0.01–0.1 USD of the validator's token into the pool of a
 * random other fee token, so fees paid in that token can be converted for the validator. Checks the
 * Mint log: units credited to the wallet for this deposit (the test reads the LP balance on chain).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "fee_amm_mint")
 */
export const feeAmmMint = defineTask({
  name: "fee_amm_mint",
  weight: 1,
  description: "Adds FeeAMM liquidity (validator token) to a fee token's pool.",
  async run(context) {
    const pool = await pickFeeAmmPool(context)
    if (pool.isErr()) return pool
    const amount = context.random.bigint(10_000n, 100_000n)
    const minted = await mintLiquidity(context, pool.value, amount)
    if (minted.isErr()) return minted
    const { liquidity, sent } = minted.value
    // The Mint log credits the units to this wallet for this deposit (the test reads the LP balance).
    if (liquidity === undefined || liquidity <= 0n)
      return taskFailure(context, `no Mint log crediting LP units to the wallet for ${amount}`)
    const pair = `${tokenLabel(pool.value.userToken)}/${tokenLabel(pool.value.validatorToken)}`
    return succeeded([sent], [`minted ${liquidity} LP in ${pair} for ${amount}`])
  },
})
