/**
 * The funding check against the plan: before a run on a real network sends anything, estimate
 * what the planned load will spend in fees and refuse a funder that cannot pay for it. Cheaper to
 * refuse with numbers at second 0 than to run dry at minute 5 with half the wallets stuck.
 */
import type { Config } from "../config/types.js"
import type { BaseError } from "../errors/base.js"
import { FundingPlanUnderfundedError, type FundingPlanUnderfundedErrorType } from "../errors/funding.js"
import { Err, Ok, type Result } from "../result.js"
import type { RunnerRpc } from "../runner/ports.js"
import { type ChainDefinition, defaultGasPerTask } from "../tasks/defineChain.js"
import { createTaskRegistry } from "../tasks/registry.js"
import type { FundingHook } from "./fundingHook.js"

/** Fees move between the estimate and the run: the plan is checked at 1.5× today's price. */
const marginPercent = 150n

/** A run without duration or count is checked for its first ten minutes. */
const openEndedSeconds = 600

/**
 * What the plan is expected to spend.
 *
 * @example
 * const estimate: PlanSpend = { tasks: 300, gasPerTask: 52_000, total: 10n ** 16n, perWallet: 10n ** 15n }
 */
export type PlanSpend = {
  /** Task executions planned (count, else rate × duration). */
  tasks: number
  /** Weighted mean gas of one task execution. */
  gasPerTask: number
  /** Fees of the whole plan with the margin, in base units of the funding currency. */
  total: bigint
  perWallet: bigint
}

/**
 * Estimates the plan's fees: executions (count, else rate × duration) × the weighted mean gas of
 * the selected tasks (declared by the chain, else a conservative default) × today's gas price ×
 * 1.5. Gas prices are in 10⁻¹⁸ of the funding currency (wei for ETH, attodollars for a 6-decimal
 * stablecoin), so the fee is converted with the currency's decimals.
 *
 * @example
 * const spend = estimatePlanSpend({ chain, config, gasPrice: 10n ** 9n, decimals: 18, wallets: 10 })
 */
export function estimatePlanSpend(parameters: {
  chain: ChainDefinition
  config: Config
  gasPrice: bigint
  decimals: number
  wallets: number
}): PlanSpend {
  const { chain, config } = parameters
  const seconds = config.durationSeconds ?? openEndedSeconds
  const tasks = Math.ceil(config.count ?? config.targetTps * seconds)
  const selection = createTaskRegistry(chain.tasks).select({
    weights: config.taskWeights,
    ...(config.tasks === undefined ? {} : { tasks: config.tasks }),
  })
  let gasPerTask = defaultGasPerTask
  if (selection.isOk() && selection.value.tasks.length > 0)
    gasPerTask = Math.ceil(
      selection.value.tasks.reduce(
        (sum, task) =>
          sum + selection.value.probability(task.name) * (chain.gasPerTask[task.name] ?? defaultGasPerTask),
        0,
      ),
    )
  const scale = 10n ** BigInt(Math.max(0, 18 - parameters.decimals))
  const feePerTask = (BigInt(gasPerTask) * parameters.gasPrice + scale - 1n) / scale
  const total = (BigInt(tasks) * feePerTask * marginPercent) / 100n
  return { tasks, gasPerTask, total, perWallet: total / BigInt(Math.max(1, parameters.wallets)) }
}

/**
 * Reads today's gas price and the balances of the funder and the worker wallets, and refuses the
 * plan when together they cannot pay for it (nothing is sent either way).
 *
 * @example
 * const checked = await checkPlanFunding({ chain, config, rpc, hook, funder: funder.address, wallets })
 * if (checked.isErr()) return checked
 */
export async function checkPlanFunding(parameters: {
  chain: ChainDefinition
  config: Config
  rpc: RunnerRpc
  hook: FundingHook
  funder: string
  wallets: readonly string[]
}): Promise<Result<PlanSpend, FundingPlanUnderfundedErrorType | BaseError>> {
  const { rpc, hook } = parameters
  const price = await rpc.request<string>("eth_gasPrice", [])
  if (price.isErr()) return price
  const balances = await hook.balances({ rpc, addresses: [parameters.funder, ...parameters.wallets] })
  if (balances.isErr()) return balances
  const available = balances.value.reduce((sum, balance) => sum + balance, 0n)
  const spend = estimatePlanSpend({
    chain: parameters.chain,
    config: parameters.config,
    gasPrice: BigInt(price.value),
    decimals: hook.currency.decimals,
    wallets: parameters.wallets.length,
  })
  if (spend.total > available)
    return Err(
      new FundingPlanUnderfundedError({
        funder: parameters.funder,
        needed: spend.total,
        available,
        wallets: parameters.wallets.length,
        tasks: spend.tasks,
        ...hook.currency,
      }) as FundingPlanUnderfundedErrorType,
    )
  return Ok(spend)
}
