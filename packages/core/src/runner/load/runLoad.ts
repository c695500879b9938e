/**
 * `runLoad`: the one call behind the CLI's `start`. Resolves the RPC (embedded devnet when no URL is
 * configured), opens the database, loads or creates wallets, funds them, runs, reconciles, stops
 * the devnet and returns the summary. Each step lives in its own file of this folder; this one
 * orders them and guarantees the cleanup.
 */
import { configDefaults, resolveDatabaseUrl } from "../../config/defaults.js"
import { prepareDatabasePath } from "../../database/databasePath.js"
import type { BaseError } from "../../errors/base.js"
import type { Result } from "../../result.js"
import { installShutdownHandlers } from "../lifecycle/shutdown.js"
import { silentLogger } from "../ports.js"
import { assembleRunner } from "./assembleRunner.js"
import { checkLoadPlan } from "./checkLoadPlan.js"
import { connectChain } from "./connectChain.js"
import { finishLoadRun } from "./finishLoadRun.js"
import { type LoadResources, releaseLoadResources } from "./loadResources.js"
import { openLoadRun } from "./openLoadRun.js"
import type { RunLoadOptions, RunLoadReport } from "./runLoadOptions.js"
import { watchLoadRun } from "./watchLoadRun.js"

export type { RunLoadInspection, RunLoadOptions, RunLoadReport } from "./runLoadOptions.js"

/**
 * Runs a load test end to end and always cleans up (devnet stopped, database closed) before returning.
 *
 * @example
 * const config = (await loadConfig({ flags: { durationSeconds: 10, targetTps: 20 } })).unwrap()
 * const report = await runLoad({ chain: myChain, config })
 * if (report.isOk()) console.log(report.value.summary.transactions)
 */
export async function runLoad(options: RunLoadOptions): Promise<Result<RunLoadReport, BaseError>> {
  const resources: LoadResources = {}
  try {
    return await runWith(options, resources)
  } finally {
    await releaseLoadResources(resources)
  }
}

async function runWith(
  options: RunLoadOptions,
  resources: LoadResources,
): Promise<Result<RunLoadReport, BaseError>> {
  const { chain, config } = options
  const logger = options.logger ?? silentLogger
  // Checked before anything starts: a bad path must not cost a devnet start or leave a directory.
  const databaseUrl = resolveDatabaseUrl(config, chain.name)
  const databasePath = prepareDatabasePath(databaseUrl, {
    createDirectory: config.database === configDefaults.database,
  })
  if (databasePath.isErr()) return databasePath
  const connected = await connectChain(options, resources, logger)
  if (connected.isErr()) return connected
  // Before anything is sent or written.
  const planned = await checkLoadPlan(options, connected.value, logger)
  if (planned.isErr()) return planned
  const opened = await openLoadRun(options, connected.value, databaseUrl, resources, logger)
  if (opened.isErr()) return opened
  const assembled = assembleRunner({
    options,
    connected: connected.value,
    opened: opened.value,
    perWallet: planned.value.perWallet,
    logger,
  })
  if (assembled.isErr()) return assembled
  const { runner, ordered } = assembled.value
  options.onRunner?.(runner)
  const watch = watchLoadRun({ options, connected: connected.value, runner, logger })
  resources.stopWatchdog = () => watch.stop()
  if (options.handleSignals ?? true) resources.uninstallSignals = installShutdownHandlers(runner)
  if (options.onSnapshot !== undefined) {
    const onSnapshot = options.onSnapshot
    resources.timer = setInterval(() => onSnapshot(runner.snapshot()), options.snapshotIntervalMs ?? 1000)
    resources.timer.unref()
  }
  const result = await runner.run()
  watch.stop()
  return finishLoadRun({
    options,
    connected: connected.value,
    opened: opened.value,
    resources,
    runner,
    ordered,
    result,
    outage: watch.outage(),
    logger,
  })
}
