// The end of a load run: the run row is closed with its status and proxy figures, the summary takes
// its latencies from the journal, the journal is reconciled with the chain, and the report is built.
import type { BaseError } from "../../errors/base.js"
import type { ProxyAllBannedError } from "../../errors/proxy.js"
import type { RunnerRpcOutageError } from "../../errors/runner.js"
import type { FundingErrorType } from "../../funding/fundWallets.js"
import { Err, Ok, type Result } from "../../result.js"
import type { Wallet } from "../../wallet/wallet.js"
import type { RunnerLogger } from "../ports.js"
import { reconcileJournal } from "../reconcile.js"
import type { Runner } from "../run/runner.js"
import { summaryWithJournalLatency } from "../statistics/journalLatency.js"
import type { RunSummary } from "../statistics/statistics.js"
import type { ConnectedChain } from "./connectChain.js"
import type { LoadResources } from "./loadResources.js"
import type { OpenedLoadRun } from "./openLoadRun.js"
import type { RunLoadOptions, RunLoadReport } from "./runLoadOptions.js"
import { formatShard } from "./shard.js"

/**
 * Closes the run row and turns the runner's result into `runLoad`'s report. A run stopped by an
 * outage is reported (its summary is valid) without asking the dead RPC anything more.
 *
 * @example
 * return finishLoadRun({ options, connected, opened, resources, runner, ordered, result, outage, logger })
 */
export async function finishLoadRun(parameters: {
  options: RunLoadOptions
  connected: ConnectedChain
  opened: OpenedLoadRun
  resources: LoadResources
  runner: Runner
  ordered: readonly Wallet[]
  result: Result<RunSummary, BaseError | FundingErrorType>
  outage: RunnerRpcOutageError | ProxyAllBannedError | undefined
  logger: RunnerLogger
}): Promise<Result<RunLoadReport, BaseError>> {
  const { options, connected, opened, resources, runner, ordered, result, outage, logger } = parameters
  const { rpc, proxies, chainId, useDevnet } = connected
  const { database, runId } = opened
  const status =
    result.isErr() || outage !== undefined
      ? "failed"
      : runner.stopReason === undefined
        ? "completed"
        : "interrupted"
  const finished = await database.finishRun({
    runId,
    status,
    ...(result.isOk() ? { sendingWindow: result.value.sendingWindow } : {}),
    proxyStats: proxies.diagnose().map((diagnostic) => ({
      proxy: diagnostic.proxy,
      requests: diagnostic.successes + diagnostic.failures,
      failures: diagnostic.failures,
      bans: diagnostic.bans,
    })),
  })
  resources.openRunId = undefined
  if (finished.isErr()) logger.warn({ code: finished.error.code }, "could not mark the run finished")
  // A dead RPC during funding surfaces as the funding's failure; the outage is the real reason.
  if (result.isErr()) return outage === undefined ? result : Err(outage)
  // One truth: the summary's inclusion latencies come from the journal, as in `db stats` and the report.
  const summary = await summaryWithJournalLatency(result.value, database, runId, options.chain.feeCurrency)
  const addresses = ordered.map((wallet) => wallet.address)
  const report = {
    summary,
    runId,
    seed: opened.seed,
    chainId,
    databaseUrl: opened.databaseUrl,
    devnet: useDevnet,
    wallets: addresses,
    shard: options.shard === undefined ? undefined : formatShard(options.shard),
    campaign: opened.campaign,
    recovery: opened.recovery,
  }
  if (outage !== undefined)
    // Nothing more is asked of a dead RPC: no reconciliation, no report lookups.
    return Ok({
      ...report,
      rpcUrl: rpc.endpoints[0] ?? "",
      reconciliation: undefined,
      rpcStats: rpc.stats(),
      outage,
      proxies: proxies.diagnose(),
    })
  await options.onSettled?.()
  const reconciled = await reconcileJournal({
    rpc,
    db: database.db,
    runId,
    addresses,
    freshWallets: useDevnet,
  })
  const reconciliation = reconciled.isOk() ? reconciled.value : undefined
  if (reconciliation !== undefined && reconciliation.mismatches.length > 0)
    logger.warn(
      { mismatches: reconciliation.mismatches.length },
      "journal and chain disagree for some wallets",
    )
  await options.afterRun?.({
    rpc,
    database,
    runId,
    chainId,
    wallets: addresses,
    funder: connected.funder?.address,
    summary,
    reconciliation,
  })
  return Ok({
    ...report,
    rpcUrl: useDevnet ? (connected.rpcUrls[0] ?? "") : (rpc.endpoints[0] ?? ""),
    reconciliation,
    rpcStats: rpc.stats(),
    outage: undefined,
    proxies: proxies.diagnose(),
  })
}
