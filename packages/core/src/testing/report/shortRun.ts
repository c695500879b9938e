/**
 * Test fixture: a real short load run of the runner's three-task test chain on the embedded
 * devnet, recorded in a SQLite file. Used by the report and metrics tests.
 */
import { join } from "node:path"
import { parseConfig } from "../../config/parse.js"
import {
  type RunLoadInspection,
  type RunLoadOptions,
  type RunLoadReport,
  runLoad,
} from "../../runner/load/runLoad.js"
import type { Runner } from "../../runner/run/runner.js"
import { testChain } from "../runner/testChain.js"

/**
 * Runs `durationSeconds` of load at `targetTps` into `<directory>/testchain.db` and returns
 * runLoad's report (throws on failure: a broken fixture is a failed test).
 *
 * @example
 * const { runId, databaseUrl } = await runShortLoad({ directory, durationSeconds: 3 })
 */
export async function runShortLoad(parameters: {
  directory: string
  durationSeconds: number
  targetTps?: number
  seed?: number
  afterRun?: (inspection: RunLoadInspection) => Promise<void>
  onRunner?: (runner: Runner) => void
  /** Metrics hooks (per-event callbacks, the RPC wrapper), as `startRunReporting` gives them. */
  events?: RunLoadOptions["events"]
  wrapRpc?: RunLoadOptions["wrapRpc"]
}): Promise<RunLoadReport> {
  const config = parseConfig({
    rpcUrls: [],
    targetTps: parameters.targetTps ?? 15,
    workers: 10,
    wallets: { count: 10 },
    durationSeconds: parameters.durationSeconds,
    database: join(parameters.directory, "{chain}.db"),
    seed: parameters.seed ?? 7,
    logLevel: "silent",
    blockTimeSeconds: 1,
  })
  if (config.isErr()) throw config.error
  const report = await runLoad({
    chain: testChain,
    config: config.value,
    handleSignals: false,
    graceMs: 10_000,
    ...(parameters.afterRun === undefined ? {} : { afterRun: parameters.afterRun }),
    ...(parameters.onRunner === undefined ? {} : { onRunner: parameters.onRunner }),
    ...(parameters.events === undefined ? {} : { events: parameters.events }),
    ...(parameters.wrapRpc === undefined ? {} : { wrapRpc: parameters.wrapRpc }),
  })
  if (report.isErr()) throw report.error
  return report.value
}
