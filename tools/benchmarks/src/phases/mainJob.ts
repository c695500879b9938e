/**
 * (e) and (f): the main job exactly as `start --rpc-url … ` runs it — `runLoad` with a funder key,
 * derived worker wallets funded by the run itself, the chain's own nonce readers and fee policy —
 * against a fresh devnet, behind a proxy process that counts every JSON-RPC call and HTTP request
 * (and, for (f), adds a remote RPC's latency). The proxy runs in its own process so its CPU is not
 * counted as the framework's.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { ChainDefinition } from "@testnet/core"
import { parseConfig } from "@testnet/core/config"
import { openDatabase } from "@testnet/core/database"
import { runLoad } from "@testnet/core/runner"
import { getDevnetOptions } from "@testnet/core/tasks"
import { withDevnet } from "../devnet.js"
import { createBlockObserver, percentile } from "../inclusion.js"
import { journalLatencies } from "../journalLatencies.js"
import { createJsonRpc } from "../jsonRpc.js"
import { type Measurement, startMeasurement } from "../measure.js"
import { startRpcProxy } from "../rpcProxy.js"
import { type PhaseResult, perTransaction } from "./types.js"

/**
 * Options of {@link runMainJobPhase}.
 *
 * @example
 * const options: MainJobPhaseOptions = { id: "e", label: "capacity", chain: tempo, wallets: 1000, workers: 1000, targetTps: 1500, seconds: 30, latencyMs: 0 }
 */
export type MainJobPhaseOptions = {
  id: string
  label: string
  chain: ChainDefinition
  wallets: number
  workers: number
  /** Task starts per second asked for (open loop). */
  targetTps: number
  /** Length of the sending window. */
  seconds: number
  /** Added to every HTTP round trip by the proxy (half each way); 0 = only counting. */
  latencyMs: number
  /** How long in-flight tasks may settle after the window (default 20 s). */
  graceMs?: number
}

/**
 * Runs the main job on a fresh devnet of the chain and measures it, whole run and steady state.
 *
 * @example
 * const capacity = await runMainJobPhase({ id: "e", label: "capacity", chain: tempo, wallets: 1000, workers: 1000, targetTps: 1500, seconds: 30, latencyMs: 0 })
 */
export async function runMainJobPhase(options: MainJobPhaseOptions): Promise<PhaseResult> {
  const directory = mkdtempSync(join(tmpdir(), "bench-main-job-"))
  // 4e9 gas per block: under TIP-1000 pricing the mixed catalog uses ~2M gas per transaction, so at
  // ~500 tx/s a 1e9 block is full; six full blocks double the base fee and the transactions sent
  // just before were stranded below it (dropped at the receipt deadline). The phase measures the
  // framework, not the devnet's congestion.
  const devnetOptions = getDevnetOptions(options.chain, { blockTimeSeconds: 1, gasLimit: 4_000_000_000n })
  try {
    return await withDevnet(devnetOptions, async (devnet) => {
      const funder = devnet.accounts[0]
      if (funder === undefined) throw new Error("the devnet has no dev account")
      const proxy = await startRpcProxy(devnet.rpcUrl, options.latencyMs)
      const databasePath = join(directory, `${options.chain.name}.db`)
      try {
        const config = parseConfig({
          rpcUrls: [proxy.url],
          chainId: devnet.chainId,
          targetTps: options.targetTps,
          workers: options.workers,
          durationSeconds: options.seconds,
          wallets: { count: options.wallets, seed: `bench-${options.id}` },
          funder: { key: funder.privateKey },
          database: databasePath,
          seed: 1,
        })
        if (config.isErr()) throw config.error
        // Inclusion is observed from outside the job, on its own connection straight to the devnet.
        const observerRpc = createJsonRpc(devnet.rpcUrl)
        const observer = createBlockObserver((method, params) => observerRpc.call(method, params))
        const measuring = startMeasurement(devnet.pid)
        let steady:
          | {
              measuring: ReturnType<typeof startMeasurement>
              counters: ReturnType<typeof proxy.counters>
              confirmed: number
            }
          | undefined
        // The steady state ends once the load has drained, before the end-of-run reconciliation
        // (one nonce read per wallet), which checks the run rather than being part of its load.
        let settled:
          | { measurement: Measurement; counters: Awaited<ReturnType<typeof proxy.counters>> }
          | undefined
        const loaded = await runLoad({
          chain: options.chain,
          config: config.value,
          handleSignals: false,
          graceMs: options.graceMs ?? 20_000,
          toolVersion: "bench",
          snapshotIntervalMs: 100,
          async onSettled() {
            const measurement = steady?.measuring.stop()
            if (measurement !== undefined) settled = { measurement, counters: await proxy.counters() }
          },
          // The steady state starts with the first task: funding and setup are over.
          onSnapshot(snapshot) {
            if (steady !== undefined || snapshot.tasksStarted === 0) return
            steady = {
              measuring: startMeasurement(devnet.pid),
              counters: proxy.counters(),
              confirmed: snapshot.included + snapshot.reverted,
            }
          },
        })
        const measurement = measuring.stop()
        const steadyMeasurement = settled?.measurement ?? steady?.measuring.stop()
        const countersAtEnd = await proxy.counters()
        const countersAtSettled = settled?.counters ?? countersAtEnd
        const countersAtSteady = await steady?.counters
        observer.stop()
        if (loaded.isErr()) throw loaded.error
        const { summary, reconciliation } = loaded.value
        const latencies = await observedLatencies(databasePath, loaded.value.runId, observer.seenAt)
        const confirmed = summary.transactions.included + summary.transactions.reverted
        const notes = [
          `setup (funding ${options.wallets} derived wallets) ${(summary.setupMs / 1000).toFixed(1)} s, sending ${(summary.durationMs / 1000).toFixed(1)} s, drain ${(summary.drainMs / 1000).toFixed(1)} s`,
          `${summary.tasksStarted} tasks, ${summary.skippedStarts} starts skipped`,
          `journal vs chain: ${reconciliation === undefined ? "not checked" : `${reconciliation.mismatches.length} mismatches over ${reconciliation.wallets} wallets`}`,
        ]
        if (summary.transactions.rejected + summary.transactions.dropped + summary.transactions.pending > 0)
          notes.push(
            `${summary.transactions.rejected} rejected, ${summary.transactions.dropped} dropped, ${summary.transactions.pending} pending`,
          )
        const steadyConfirmed = confirmed - (steady?.confirmed ?? 0)
        return {
          id: options.id,
          label: options.label,
          measured: true,
          notes,
          transactions: summary.transactions.sent,
          confirmed,
          confirmedTps: (confirmed * 1000) / summary.durationMs,
          acceptedTps: undefined,
          ...perTransaction(measurement, {
            confirmed,
            calls: countersAtEnd.calls,
            httpRequests: countersAtEnd.requests,
          }),
          p50InclusionMs: percentile(latencies, 50),
          p99InclusionMs: percentile(latencies, 99),
          measurement,
          taskStartsPerSecond: summary.taskStartsPerSecond,
          targetTaskStartsPerSecond: summary.targetTaskStartsPerSecond,
          taskSuccessRate: taskSuccessRate(summary.tasks),
          ...(steadyMeasurement === undefined || countersAtSteady === undefined
            ? {}
            : {
                steady: {
                  ...perTransaction(steadyMeasurement, {
                    confirmed: steadyConfirmed,
                    calls: countersAtSettled.calls - countersAtSteady.calls,
                    httpRequests: countersAtSettled.requests - countersAtSteady.requests,
                  }),
                  rpcCallsPerTxByMethod: callsPerTransactionByMethod(
                    countersAtSettled.callsByMethod,
                    countersAtSteady.callsByMethod,
                    steadyConfirmed,
                  ),
                  confirmed: steadyConfirmed,
                  measurement: steadyMeasurement,
                },
              }),
        }
      } finally {
        await proxy.stop()
      }
    })
  } finally {
    if (process.env.BENCH_KEEP_DATABASE === undefined) rmSync(directory, { recursive: true, force: true })
    else console.log(`kept ${directory}`)
  }
}

/** Observed inclusion time minus the journal's send time, for the run's transactions. */
async function observedLatencies(
  databasePath: string,
  runId: string,
  seenAt: ReadonlyMap<string, number>,
): Promise<number[]> {
  const opened = await openDatabase({ url: databasePath })
  if (opened.isErr()) throw opened.error
  try {
    return await journalLatencies(opened.value.db, runId, seenAt)
  } finally {
    await opened.value.close()
  }
}

/** Successful share of all finished tasks (expected failures that failed as expected count as success). */
export function taskSuccessRate(
  tasks: Record<string, { count: number; success: number }>,
): number | undefined {
  let count = 0
  let success = 0
  for (const task of Object.values(tasks)) {
    count += task.count
    success += task.success
  }
  return count === 0 ? undefined : success / count
}

/** Calls per confirmed transaction of each method between two counter readings, largest first. */
function callsPerTransactionByMethod(
  atEnd: Record<string, number>,
  atStart: Record<string, number>,
  confirmed: number,
): Record<string, number> {
  const perTransaction = Object.entries(atEnd)
    .map(([method, calls]) => [method, (calls - (atStart[method] ?? 0)) / Math.max(1, confirmed)] as const)
    .filter(([, calls]) => calls > 0)
    .sort((left, right) => right[1] - left[1])
  return Object.fromEntries(
    perTransaction.map(([method, calls]) => [method, Math.round(calls * 1000) / 1000]),
  )
}
