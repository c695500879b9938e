// Checks before anything is sent or written: fees that can be included, a funder that can pay.
import type { BaseError } from "../../errors/base.js"
import { nativeFundingHook } from "../../funding/nativeFundingHook.js"
import { checkPlanFunding } from "../../funding/planFunding.js"
import { Ok, type Result } from "../../result.js"
import type { RunnerLogger } from "../ports.js"
import type { ConnectedChain } from "./connectChain.js"
import { checkConfiguredFeePlan } from "./feePlanCheck.js"
import type { RunLoadOptions } from "./runLoadOptions.js"

/**
 * Refuses a plan whose fee cap is below base fee + tip (it would sign nothing includable) or, on a
 * real network, that the funder cannot pay for; returns the plan's cost per wallet when checked.
 *
 * @example
 * const planned = await checkLoadPlan(options, connected, logger)
 * if (planned.isErr()) return planned
 */
export async function checkLoadPlan(
  options: RunLoadOptions,
  connected: ConnectedChain,
  logger: RunnerLogger,
): Promise<Result<{ perWallet: bigint | undefined }, BaseError>> {
  const { chain, config } = options
  const { rpc, funder, wallets } = connected
  const feePlan = await checkConfiguredFeePlan({ rpc, config, eip1559: chain.capabilities.eip1559 })
  if (feePlan.isErr()) return feePlan
  // The devnet's funder holds far more than any plan needs.
  if (connected.useDevnet || funder === undefined) return Ok({ perWallet: undefined })
  const planned = await checkPlanFunding({
    chain,
    config,
    rpc,
    hook: chain.fund ?? nativeFundingHook,
    funder: funder.address,
    wallets: wallets.map((wallet) => wallet.address),
  })
  if (planned.isErr()) return planned
  const perWallet = planned.value.perWallet
  logger.info(
    { tasks: planned.value.tasks, gasPerTask: planned.value.gasPerTask, perWallet: String(perWallet) },
    "funding covers the plan",
  )
  return Ok({ perWallet })
}
