// The Runner's funding: one round before the first task (retried like any setup step), refills of
// the wallets that spent while the run goes on, and the reclaim once it settled.
import type { BaseError } from "../../errors/base.js"
import {
  type FundingErrorType,
  type FundingReport,
  fundWallets,
  reclaimFunds,
} from "../../funding/fundWallets.js"
import { Err, Ok, type Result } from "../../result.js"
import { formatUnits } from "../../tasks/feeCurrency.js"
import { retrySetup } from "../lifecycle/setupRetry.js"
import type { RunnerLogger } from "../ports.js"
import type { Clock } from "../scheduling/clock.js"
import type { Submitter } from "../submitter.js"
import type { RunnerFunding, RunnerParameters } from "./runnerTypes.js"

/**
 * The funding steps of one run.
 *
 * @example
 * const funding = createRunFunding({ parameters, submitter, logger, clock, hardAbort, stopSignal, graceMs: 30_000, spenders })
 */
export type RunFunding = {
  /** Tops every worker and service wallet up to the target before the run. */
  fundBeforeRun(funding: RunnerFunding): Promise<Result<FundingReport, BaseError | FundingErrorType>>
  /** Until the run stops: every interval, re-reads the wallets that spent and tops them up. */
  refillLoop(funding: RunnerFunding): Promise<void>
  /** Returns what is left on the wallets to the funder (bounded by the grace period). */
  reclaim(funding: RunnerFunding, funderAddress: string): Promise<void>
}

/**
 * Creates the funding steps of a run; they send through the run's submitter.
 *
 * @example
 * const funded = await createRunFunding({ … }).fundBeforeRun(parameters.funding)
 */
export function createRunFunding(context: {
  parameters: RunnerParameters
  submitter: Submitter
  logger: RunnerLogger
  clock: Clock
  /** Aborted when the run is over or aborted: every funding wait ends. */
  hardAbort: AbortSignal
  /** Aborted when the run stops sending: the refill loop ends. */
  stopSignal: AbortSignal
  graceMs: number
  /** Wallets that paid for something since the last refill check: only they are re-read. */
  spenders: Set<string>
}): RunFunding {
  const { parameters, submitter, logger, clock, hardAbort, stopSignal, graceMs, spenders } = context
  const { rpc, gas } = parameters
  /** Workers and service wallets: funded before the run, reclaimed after it. */
  const fundedWallets = [...parameters.wallets, ...(parameters.serviceWallets ?? [])]

  /**
   * A round from the funder under the campaign's funding lock (when there is one): another shard
   * may have sent from the same key meanwhile, so the funder's nonce is re-read first.
   */
  async function underLock<T>(
    funding: RunnerFunding,
    round: () => Promise<Result<T, BaseError | FundingErrorType>>,
  ): Promise<Result<T, BaseError | FundingErrorType>> {
    const { lock, funder } = funding
    if (lock === undefined || funder === undefined) return round()
    const held = await lock.hold(
      { chainId: parameters.chainId, funder: funder.address },
      async () => {
        const lane = { chainId: parameters.chainId, address: funder.address, nonceKey: 0n }
        const resynced = await parameters.nonces.resync(lane)
        if (resynced.isErr()) return resynced
        return round()
      },
      {
        signal: hardAbort,
        onWait: () => logger.info({ funder: funder.address }, "waiting for another shard's funding round"),
      },
    )
    return held.isErr() ? Err(held.error) : held.value
  }

  /** One round from the run's funder topping `round.addresses` up to the funding target. */
  function fundRound(
    funding: RunnerFunding,
    round: Pick<Parameters<typeof fundWallets>[0], "addresses" | "threshold" | "signal" | "logger">,
  ) {
    return fundWallets({
      hook: funding.hook,
      rpc,
      gas,
      submitter,
      funder: funding.funder,
      target: funding.target,
      ...round,
    })
  }

  return {
    async fundBeforeRun(funding) {
      // A round is idempotent (balances are re-read, funded wallets skipped), so a transient
      // failure retries the whole round.
      const fund = (signal?: AbortSignal) =>
        fundRound(funding, {
          addresses: fundedWallets.map((wallet) => wallet.address),
          ...(funding.threshold === undefined ? {} : { threshold: funding.threshold }),
          signal: signal === undefined ? hardAbort : AbortSignal.any([hardAbort, signal]),
          logger,
        })
      const result = await underLock(funding, () =>
        parameters.setup === undefined
          ? fund()
          : retrySetup("funding the worker wallets", fund, {
              ...parameters.setup,
              logger,
              signal: hardAbort,
              waitLogIntervalMs: 0,
            }),
      )
      if (result.isErr()) return result
      const funded = result.value
      // In units with the funding currency's symbol; base units kept for machines.
      logger.info(
        {
          funded: funded.funded,
          total: `${formatUnits(funded.total, funding.hook.currency.decimals)} ${funding.hook.currency.symbol}`,
          totalBaseUnits: funded.total.toString(),
        },
        "wallets funded",
      )
      return Ok(funded)
    },

    async refillLoop(funding) {
      const interval = funding.refillIntervalMs ?? 15_000
      if (interval <= 0) return
      while (!stopSignal.aborted) {
        await clock.sleep(interval, stopSignal)
        if (stopSignal.aborted) return
        if (spenders.size === 0) continue
        const addresses = [...spenders]
        spenders.clear()
        const refilled = await underLock(funding, () =>
          fundRound(funding, {
            addresses,
            threshold: funding.threshold ?? funding.target / 2n,
            signal: hardAbort,
          }),
        )
        if (refilled.isErr()) logger.warn({ code: refilled.error.code }, "refill failed")
        else if (refilled.value.funded > 0) logger.info({ funded: refilled.value.funded }, "refilled wallets")
      }
    },

    async reclaim(funding, funderAddress) {
      const reclaimed = await reclaimFunds({
        hook: funding.hook,
        rpc,
        gas,
        submitter,
        wallets: fundedWallets,
        funderAddress,
        signal: AbortSignal.any([hardAbort, AbortSignal.timeout(graceMs)]),
      })
      if (reclaimed.isErr()) logger.warn({ code: reclaimed.error.code }, "reclaim failed")
      else logger.info({ reclaimed: reclaimed.value.reclaimed.toString() }, "funds returned to the funder")
    },
  }
}
