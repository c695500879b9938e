import { readValue } from "@testnet/core"
import { startTaskRunner, type TaskRunner } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { feeManagerInterface } from "../../contracts/feeManager.js"
import { tokenLabel } from "../shared/tokens.js"
import { feeAmmBurn, feeAmmMint, feeAmmRebalanceSwap } from "./index.js"

const pool = async (runner: TaskRunner, userToken: string, validatorToken: string) => {
  const returned = await runner.viewAs(0).call({
    to: tempoAddresses.feeManager,
    data: feeManagerInterface.encodeFunctionData("getPool", [userToken, validatorToken]),
  })
  return feeManagerInterface.decodeFunctionResult("getPool", returned.unwrap())[0] as {
    reserveUserToken: bigint
    reserveValidatorToken: bigint
  }
}
const byLabel = (label: string) =>
  [tempoAddresses.pathUsd, tempoAddresses.alphaUsd, tempoAddresses.betaUsd].find(
    (token) => tokenLabel(token) === label,
  ) ?? ""

// One devnet (anvil --network tempo --hardfork T4): its genesis has FeeAMM pools between the
// stablecoins, 10 000 USD of validator token each and no user token (fees paid in other tokens
// add it); blocks have no miner, so the validator token is pathUSD.
describe("FeeAMM tasks on the embedded Tempo devnet", () => {
  let runner: TaskRunner

  beforeAll(async () => {
    runner = await startTaskRunner({ chain: tempo, wallets: 3 })
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("fee_amm_mint deposits the validator token and credits LP units", async () => {
    const outcome = (await runner.runClean(feeAmmMint, { walletIndex: 0 })).unwrap()
    const [, minted, user, validator] = /minted (\d+) LP in (\w+)\/(\w+)/.exec(outcome.notes[0] ?? "") ?? []
    expect(validator).toBe("pathUSD")
    const poolId = (
      await readValue<string>(
        runner.viewAs(0),
        tempoAddresses.feeManager,
        feeManagerInterface.encodeFunctionData("getPoolId", [byLabel(user ?? ""), tempoAddresses.pathUsd]),
        "bytes32",
      )
    ).unwrap()
    const held = await readValue<bigint>(
      runner.viewAs(0),
      tempoAddresses.feeManager,
      feeManagerInterface.encodeFunctionData("liquidityBalances", [poolId, runner.walletAddress(0)]),
      "uint256",
    )
    expect(held.unwrap()).toBe(BigInt(minted ?? "-1"))
  })

  it("fee_amm_burn provides liquidity first when it has none, then burns part of it", async () => {
    const outcome = (await runner.runClean(feeAmmBurn, { walletIndex: 1 })).unwrap()
    expect(outcome.transactions).toHaveLength(2)
    const [, burned, user, validator, , validatorOut, heldBefore] =
      /burned (\d+) LP in (\w+)\/(\w+) for (\d+) \+ (\d+) \(held (\d+)\)/.exec(outcome.notes[0] ?? "") ?? []
    expect(BigInt(validatorOut ?? "0")).toBeGreaterThan(0n)
    // The task reads nothing back; the LP balance on chain fell by exactly the burned units.
    const poolId = (
      await readValue<string>(
        runner.viewAs(1),
        tempoAddresses.feeManager,
        feeManagerInterface.encodeFunctionData("getPoolId", [byLabel(user ?? ""), byLabel(validator ?? "")]),
        "bytes32",
      )
    ).unwrap()
    const held = await readValue<bigint>(
      runner.viewAs(1),
      tempoAddresses.feeManager,
      feeManagerInterface.encodeFunctionData("liquidityBalances", [poolId, runner.walletAddress(1)]),
      "uint256",
    )
    expect(held.unwrap()).toBe(BigInt(heldBefore ?? "0") - BigInt(burned ?? "0"))
  })

  it("fee_amm_rebalance_swap pays a fee into a pool without user token first", async () => {
    // Nothing before this test pays fees in BetaUSD (the funding pays in AlphaUSD, the other FeeAMM
    // tasks in pathUSD), so its pool holds none until this task pays one.
    expect((await pool(runner, tempoAddresses.betaUsd, tempoAddresses.pathUsd)).reserveUserToken).toBe(0n)
    const runs = []
    for (let seed = 1; seed <= 8; seed += 1)
      runs.push((await runner.runClean(feeAmmRebalanceSwap, { walletIndex: 2, seed })).unwrap())
    const beta = runs.filter((run) => run.notes[0]?.includes("BetaUSD/"))
    expect(beta.length).toBeGreaterThan(0)
    expect(beta[0]?.transactions).toHaveLength(2) // the fee in BetaUSD, then the swap
    expect(
      (await pool(runner, tempoAddresses.betaUsd, tempoAddresses.pathUsd)).reserveUserToken,
    ).toBeGreaterThan(0n)
  })

  it("fee_amm_rebalance_swap buys the accumulated user token back at 0.9985", async () => {
    const outcome = (await runner.runClean(feeAmmRebalanceSwap, { walletIndex: 2 })).unwrap()
    const [, user, amountIn, amountOut] =
      /rebalanced (\w+)\/pathUSD: (\d+) in, (\d+) out/.exec(outcome.notes[0] ?? "") ?? []
    expect(BigInt(amountIn ?? "0")).toBe((BigInt(amountOut ?? "0") * 9985n) / 10000n + 1n)
    const reserves = await pool(runner, byLabel(user ?? ""), tempoAddresses.pathUsd)
    expect(reserves.reserveUserToken).toBeGreaterThan(0n) // a tenth at most was taken
  })
})
