import { Writable } from "node:stream"
import type { Config } from "../config/types.js"
import type { BaseError } from "../errors/base.js"
import { createLogger } from "../logging/createLogger.js"
import { startRunReporting } from "../report/runReporting.js"
import { Ok, type Result } from "../result.js"
import { runLoad } from "../runner/load/runLoad.js"
import type { ChainDefinition } from "../tasks/defineChain.js"
import type { TaskDefinition } from "../tasks/defineTask.js"
import type { CliContext } from "./context.js"
import { exitCodes } from "./exitCodes.js"
import type { Shard } from "./flagParsers.js"
import { createProgressRenderer } from "./progress.js"
import { proxySummaryJson, renderProxySummary } from "./proxySummary.js"
import { renderError } from "./renderError.js"
import { createSequenceTask, type StepListener, withSingleTask, withStepListener } from "./sequenceTask.js"
import { createStepRecorder, renderSteps } from "./stepReport.js"
import { renderRunSummary, runSummaryJson } from "./summary.js"

/**
 * What `start`, `run` and `sequence` ask for.
 *
 * @example
 * const request: LoadRequest = { mode: { kind: "sequence", tasks: [deployCounter, incrementCounter] }, config, json: false, verbose: false }
 */
export type LoadRequest = {
  mode:
    | { kind: "start" }
    | { kind: "run"; task: TaskDefinition }
    | { kind: "sequence"; tasks: readonly TaskDefinition[] }
  config: Config
  /** This machine's slice of the wallets; the run is tagged with it. */
  shard?: Shard
  /** The campaign the run is a shard of (--campaign, TESTNET_CAMPAIGN). */
  campaign?: string
  /** Funding amounts in base units of the chain's funding currency (from --funding-target/-threshold). */
  fundingTarget?: bigint
  fundingThreshold?: bigint
  /** --reclaim: send what is left on the worker wallets back to the funder at the end. */
  reclaim?: boolean
  /** --sync-send: eth_sendRawTransactionSync where the chain has it. */
  syncSend?: boolean
  /** Write the run's HTML report at the end (start, unless --no-report); `directory` default ./reports. */
  report?: { directory?: string }
  /** --metrics-port: serve Prometheus metrics of the run on 127.0.0.1:PORT (0 = any free port). */
  metricsPort?: number
  /** --metrics-linger: keep the metrics endpoint up this long after the run. */
  metricsLingerSeconds?: number
  /** Also set when the user gave --wallets (run/sequence default to one wallet). */
  walletsFromFlag?: boolean
  json: boolean
  verbose: boolean
}

/**
 * Runs a load request end to end through the runner's `runLoad` (embedded devnet when no RPC URL,
 * database, wallets, funding, run, reconciliation), with live progress on stderr (a redrawn block
 * on a terminal, JSON lines otherwise) and the summary on stdout.
 *
 * @example
 * const code = await executeLoad(context, { mode: { kind: "start" }, config, json: false, verbose: false })
 */
export async function executeLoad(
  context: CliContext,
  request: LoadRequest,
): Promise<Result<number, BaseError>> {
  const { io } = context
  const steps = createStepRecorder()
  const { chain, config } = planFor(context.chain, request, (task, wallet, result, seen) =>
    steps.record(task, wallet, result, seen),
  )
  // --json: progress and summary are JSON lines on stdout. Otherwise progress goes to stderr
  // (a live block on a terminal), and the summary table to stdout.
  const progress = createProgressRenderer(
    request.json ? { output: io.stdout, interactive: false } : { output: io.stderr },
  )
  // Logs go to stderr through the progress display, so a log line never tears the live block.
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      if (request.json) io.stderr.write(String(chunk))
      else progress.print(String(chunk))
      done()
    },
  })
  const logger = createLogger({
    level: config.logLevel,
    destination: logStream,
    pretty: io.stderr.isTTY === true,
    bindings: { chain: chain.name },
  })
  // The metrics port is bound before anything starts: a taken port fails the command at once.
  const reporting = await startRunReporting({
    report: request.report !== undefined,
    ...(request.report?.directory === undefined ? {} : { reportDirectory: request.report.directory }),
    ...(request.metricsPort === undefined ? {} : { metricsPort: request.metricsPort }),
    tasks: chain.tasks.map((task) => task.name),
    feeCurrency: chain.feeCurrency,
  })
  if (reporting.isErr()) return reporting
  if (reporting.value.metricsUrl !== undefined) io.stderr.write(`Metrics: ${reporting.value.metricsUrl}\n`)
  const report = await runLoad({
    chain,
    config,
    logger,
    onSnapshot: (snapshot) => progress.update(snapshot),
    snapshotIntervalMs: io.stderr.isTTY && !request.json ? 250 : 1000,
    environment: io.environment,
    ...(request.shard === undefined ? {} : { shard: request.shard }),
    ...(request.campaign === undefined ? {} : { campaign: request.campaign }),
    ...(request.fundingTarget === undefined ? {} : { fundingTarget: request.fundingTarget }),
    ...(request.fundingThreshold === undefined ? {} : { fundingThreshold: request.fundingThreshold }),
    ...(request.syncSend === true ? { useSendRawTransactionSync: true } : {}),
    ...(request.reclaim === true ? { reclaim: true } : {}),
    ...reporting.value.hooks,
  })
  progress.finish()
  const lingerMs = Math.round((request.metricsLingerSeconds ?? 0) * 1000)
  if (lingerMs > 0 && reporting.value.metricsUrl !== undefined)
    io.stderr.write(
      `Metrics stay up at ${reporting.value.metricsUrl} for ${request.metricsLingerSeconds} s (the final values).\n`,
    )
  await reporting.value.close({ lingerMs })
  const reportPath = reporting.value.reportPath()
  const reportError = reporting.value.reportError()
  if (report.isErr()) return report
  const { summary, runId, seed, databaseUrl, reconciliation, recovery, outage } = report.value
  const recovered =
    recovery === undefined || (recovery.reconciled === 0 && recovery.crashedRuns === 0)
      ? undefined
      : `Crash recovery: ${recovery.crashedRuns} run(s) closed as crashed; ${recovery.reconciled} transaction(s) left pending reconciled with the chain (${recovery.included} included, ${recovery.failed} failed, ${recovery.replaced} replaced, ${recovery.dropped} dropped, ${recovery.stillPending} still pending).`
  if (request.json) {
    if (recovery !== undefined) io.stdout.write(`${JSON.stringify({ type: "recovery", ...recovery })}\n`)
    if (reportPath !== undefined) io.stdout.write(`${JSON.stringify({ type: "report", path: reportPath })}\n`)
    if (request.mode.kind !== "start")
      io.stdout.write(`${JSON.stringify({ type: "steps", steps: steps.list() })}\n`)
    const { shard, campaign } = report.value
    io.stdout.write(
      `${runSummaryJson(summary, {
        runId,
        seed,
        ...(shard === undefined ? {} : { shard }),
        ...(campaign === undefined ? {} : { campaign }),
      })}\n`,
    )
    if (report.value.proxies.length > 0) io.stdout.write(`${proxySummaryJson(report.value.proxies)}\n`)
  } else {
    if (recovered !== undefined) io.stdout.write(`${recovered}\n`)
    // run / sequence: what each step did, with hashes to look up, before the aggregate numbers.
    if (request.mode.kind !== "start") io.stdout.write(`${renderSteps(steps.list(), chain.explorerUrl)}\n`)
    io.stdout.write(renderRunSummary(summary))
    io.stdout.write(renderProxySummary(report.value.proxies))
    io.stdout.write(
      `\nRecorded as run ${runId}${recordedAs(report.value)} in ${databaseUrl}.\nSeed: ${seed} (replay with --seed ${seed}).\n`,
    )
    if (reconciliation !== undefined && reconciliation.mismatches.length > 0) {
      io.stdout.write(
        `Warning: ${reconciliation.mismatches.length} wallet(s) disagree between the journal and the chain.\n`,
      )
    }
    if (reportPath !== undefined) io.stdout.write(`Report: ${reportPath}\n`)
  }
  // The run is recorded either way; the report can be written again with `report --run ID`.
  if (reportError !== undefined)
    io.stderr.write(
      `warning: the run's report was not written: ${reportError.message}\n  Write it later with \`${context.programName} report --run ${runId}\`.\n`,
    )
  // The summary is printed first (what was done stays true); the dead RPC makes the run a failure.
  if (outage !== undefined) {
    io.stderr.write(renderError(outage, { verbose: request.verbose }))
    return Ok(exitCodes.failure)
  }
  return Ok(exitCodes.ok)
}

/** " (shard 2/4, campaign C)" after the run id, when the run was a shard or in a campaign. */
function recordedAs(report: { shard: string | undefined; campaign?: string | undefined }): string {
  const parts = [
    ...(report.shard === undefined ? [] : [`shard ${report.shard}`]),
    ...(report.campaign === undefined ? [] : [`campaign ${report.campaign}`]),
  ]
  return parts.length === 0 ? "" : ` (${parts.join(", ")})`
}

/** The chain and config actually handed to the runner for the mode. */
function planFor(
  chain: ChainDefinition,
  request: LoadRequest,
  onStep: StepListener,
): { chain: ChainDefinition; config: Config } {
  if (request.mode.kind === "start") return { chain, config: request.config }
  const single =
    request.mode.kind === "run"
      ? withStepListener(request.mode.task, onStep)
      : createSequenceTask(request.mode.tasks, onStep)
  // One execution on one worker; weights and filters of the full catalog do not apply.
  const { tasks: _filter, ...rest } = request.config
  const config: Config = {
    ...rest,
    count: 1,
    workers: 1,
    taskWeights: {},
    wallets: { ...request.config.wallets, count: request.walletsFromFlag ? request.config.wallets.count : 1 },
  }
  return { chain: withSingleTask(chain, single), config }
}
