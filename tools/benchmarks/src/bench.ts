/**
 * `pnpm bench [--quick] [--phases a,b,c,d,e,...] [--no-write]`: one run against the embedded
 * devnet measuring the raw limit (a), the naive (b) and tuned (c) ethers baselines, the pipeline
 * on a transfer-only catalog (d; also with core's ethers wallets, d_ethers), the capacity of the
 * main job on the mixed Tempo catalog (e) and the same job through a remote-latency RPC (f), the
 * calibrations C_sign and C_anvil, and the hot-path micro-benchmarks. Writes
 * docs/benchmarks.md and docs/benchmarks.json.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { stopAllDevnets } from "@testnet/core/devnet"
import { measureSignCalibration } from "./calibration.js"
import { describeMachine } from "./machine.js"
import { type MicroResult, runMicroBenchmarks } from "./micro.js"
import { runNaivePhase, runTunedPhase } from "./phases/ethersBaselines.js"
import { runMainJobInOwnProcess } from "./phases/mainJobInOwnProcess.js"
import { runPipelinePhase } from "./phases/pipeline.js"
import { runRawPhase } from "./phases/raw.js"
import { measureReceiptsCost, type ReceiptsCost } from "./phases/receiptsCost.js"
import { notMeasured, type PhaseResult } from "./phases/types.js"
import { type BenchReport, type MixedBaseline, toJson, writeReports } from "./report.js"
import { transferChain } from "./transferChain.js"

const flags = process.argv.slice(2)
const quick = flags.includes("--quick")
const write = !flags.includes("--no-write")
const phasesFlag = flags.find((flag) => flag.startsWith("--phases"))
const chosen = new Set(
  (phasesFlag?.includes("=") ? phasesFlag.split("=")[1] : flags[flags.indexOf("--phases") + 1])
    ?.split(",")
    .map((name) => name.trim()) ?? [
    "csign",
    "d",
    "a",
    "canvil",
    "c",
    "b",
    "d_ethers",
    "e",
    "f",
    "receipts",
    "micro",
  ],
)
if (phasesFlag === undefined)
  for (const name of [
    "csign",
    "d",
    "a",
    "canvil",
    "c",
    "b",
    "d_ethers",
    "d_short_blocks",
    "e",
    "f",
    "receipts",
    "micro",
  ])
    chosen.add(name)

const size = quick
  ? {
      raw: 3000,
      naive: 300,
      tuned: 600,
      pipeline: 4000,
      mixedTargetTps: 600,
      mixedSeconds: 6,
      // 30 wallets, one task each at a time, tasks of a block or two: about 20 starts/s is reachable.
      remoteTargetTps: 15,
      remoteSeconds: 6,
      micro: 150,
      sign: 700,
    }
  : {
      raw: 20_000,
      naive: 1500,
      tuned: 3000,
      pipeline: 20_000,
      mixedTargetTps: 1500,
      mixedSeconds: 30,
      remoteTargetTps: 200,
      remoteSeconds: 30,
      micro: 1000,
      sign: 2000,
    }

const docsDirectory = fileURLToPath(new URL("../../../docs", import.meta.url))

/** The saved capacity of (e) before the main job's optimisation, when there is one. */
function readMixedBaseline(): MixedBaseline | undefined {
  try {
    return JSON.parse(
      readFileSync(`${docsDirectory}/benchmarks/mixed-baseline.json`, "utf8"),
    ) as MixedBaseline
  } catch {
    return undefined
  }
}

/** What the remote-RPC phase (f) adds to every request's round trip. */
const remoteLatencyMs = 100

function collectGarbage() {
  ;(globalThis as { gc?: () => void }).gc?.()
}

async function phase(
  id: string,
  label: string,
  work: () => Promise<PhaseResult>,
): Promise<PhaseResult | undefined> {
  if (!chosen.has(id)) return undefined
  collectGarbage()
  const startedAt = Date.now()
  process.stdout.write(`▶ ${label} … `)
  try {
    const result = await work()
    process.stdout.write(
      `${Math.round(result.confirmedTps)} confirmed tx/s, ${Math.round(result.nodeCpuUsPerTx ?? 0)} µs Node CPU/tx (${((Date.now() - startedAt) / 1000).toFixed(1)} s${result.notes.length > 0 ? `; ${result.notes.join("; ")}` : ""})\n`,
    )
    const steady = result.steady
    if (steady !== undefined)
      process.stdout.write(
        `    steady state: ${Math.round(steady.nodeCpuUsPerTx)} µs Node CPU/tx, ${Math.round(steady.anvilCpuUsPerTx ?? 0)} µs anvil CPU/tx, ${steady.rpcCallsPerTx.toFixed(2)} RPC calls/tx, ${steady.httpRequestsPerTx.toFixed(3)} HTTP requests/tx\n`,
      )
    const byMethod = steady?.rpcCallsPerTxByMethod
    if (byMethod !== undefined)
      process.stdout.write(
        `    steady RPC calls/tx by method: ${Object.entries(byMethod)
          .map(([method, calls]) => `${method} ${calls}`)
          .join(", ")}\n`,
      )
    return result
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error)
    process.stdout.write(`not measured: ${reason}\n`)
    return notMeasured(id, label, reason ?? "failed")
  }
}

async function main() {
  const startedAt = new Date().toISOString()
  const machine = describeMachine()
  console.log(
    `testnet-framework benchmarks${quick ? " (quick)" : ""} — ${machine.cpuCount} × ${machine.cpuModel}, load ${machine.loadAverageAtStart.join("/")}`,
  )
  let cSign = { perCpuSecond: Number.NaN, perWallSecond: Number.NaN }
  if (chosen.has("csign")) {
    cSign = measureSignCalibration(size.sign)
    console.log(`▶ C_sign: ${Math.round(cSign.perCpuSecond)} ethers signatures per CPU-second`)
  }
  const phases: PhaseResult[] = []
  const add = (result: PhaseResult | undefined) => {
    if (result !== undefined) phases.push(result)
    return result
  }
  const pipeline = { wallets: 1000, workers: 1000 }
  add(
    await phase("d", "(d) pipeline, transfer-only catalog, fast signer", () =>
      runPipelinePhase({
        id: "d",
        label: `(d) pipeline: createRunner + nonces + fees + fast signer + journal + receipts + SQLite, transfers, ${pipeline.wallets} wallets, ${pipeline.workers} concurrent tasks`,
        chain: transferChain,
        count: size.pipeline,
        ...pipeline,
        targetTps: Number(process.env.BENCH_PIPELINE_TPS ?? 6000),
        signing: "fast",
        prefund: true,
      }),
    ),
  )
  add(
    await phase("d_short_blocks", "(d) with 0.2 s blocks", () =>
      runPipelinePhase({
        id: "d_short_blocks",
        label: `(d, 0.2 s blocks) the same pipeline on a devnet with \`--block-time 0.2\` (smaller blocks, cheaper receipts)`,
        chain: transferChain,
        count: size.pipeline,
        ...pipeline,
        targetTps: Number(process.env.BENCH_PIPELINE_TPS ?? 6000),
        signing: "fast",
        prefund: true,
        blockTimeSeconds: 0.2,
      }),
    ),
  )
  add(await phase("a", "(a) raw limit", () => runRawPhase({ count: size.raw, senders: 100 })))
  const cAnvil = await phase("canvil", "C_anvil calibration", () =>
    runRawPhase({ count: size.raw, senders: 100, mineLoop: true }),
  )
  add(
    await phase("c", "(c) tuned ethers", () =>
      runTunedPhase({ count: size.tuned, wallets: 64, inFlight: 256 }),
    ),
  )
  add(
    await phase("b", "(b) naive ethers", () =>
      runNaivePhase({ count: size.naive, wallets: 16, inFlight: 64 }),
    ),
  )
  add(
    await phase("d_ethers", "(d') pipeline with core's ethers wallets", () =>
      runPipelinePhase({
        id: "d_ethers",
        label: `(d') same pipeline with core's ethers-backed wallets (no fast signer), ${pipeline.wallets} wallets`,
        chain: transferChain,
        // Same count as (d): block sizes (and so anvil's receipt cost) must match for a fair comparison.
        count: size.pipeline,
        ...pipeline,
        targetTps: 2000,
        signing: "ethers",
        prefund: true,
      }),
    ),
  )
  // Quick runs fund fewer wallets: the runner's funding is most of a quick phase's wall time.
  // BENCH_MAIN_WALLETS / BENCH_MAIN_SECONDS: a profiling run of (e) between quick and full.
  const capacity = {
    wallets: Number(process.env.BENCH_MAIN_WALLETS ?? (quick ? 60 : 1000)),
    workers: quick ? 300 : 1000,
  }
  const capacitySeconds = Number(process.env.BENCH_MAIN_SECONDS ?? size.mixedSeconds)
  // Wallets in flight = start rate × how long a task holds its wallet (Little's law). Through a
  // 100 ms RPC a mixed task holds it ~2–3 s (sequential reads and sends, a block or two, the open
  // loop's rest), so 200 starts/s needs ~500–600 busy wallets: 400 skipped 4 % of the starts.
  // Funding is cheap (1,000 wallets in ~7 s), so (f) gets the same 1,000 as (e).
  const remote = { wallets: quick ? 60 : 1000, workers: 1000 }
  // Each main-job phase runs in a process of its own, as `start` runs the job: its RSS, heap,
  // CPU and event loop are the job's, not shared with the earlier phases' modules and heap.
  const mainJobTimeoutMs = quick ? 90_000 : 300_000
  add(
    await phase("e", "(e) capacity, mixed Tempo catalog", () =>
      runMainJobInOwnProcess(
        {
          id: "e",
          label: `(e) capacity: the main job (runLoad, default Tempo catalog) in its own process, ${capacity.wallets} derived wallets funded by the run, ${capacity.workers} concurrent tasks, open loop above capacity (${size.mixedTargetTps} starts/s asked), ${capacitySeconds} s`,
          ...capacity,
          targetTps: size.mixedTargetTps,
          seconds: capacitySeconds,
          latencyMs: 0,
          graceMs: quick ? 8_000 : 20_000,
        },
        mainJobTimeoutMs,
      ),
    ),
  )
  add(
    await phase("f", "(f) remote RPC, mixed Tempo catalog", () =>
      runMainJobInOwnProcess(
        {
          id: "f",
          label: `(f) remote RPC: the main job in its own process through a loopback proxy adding ${remoteLatencyMs} ms per request (half each way), ${remote.wallets} wallets, ${size.remoteTargetTps} starts/s asked, ${size.remoteSeconds} s`,
          ...remote,
          targetTps: size.remoteTargetTps,
          seconds: size.remoteSeconds,
          latencyMs: remoteLatencyMs,
          graceMs: quick ? 8_000 : 15_000,
        },
        mainJobTimeoutMs,
      ),
    ),
  )
  let receipts: ReceiptsCost[] = []
  if (chosen.has("receipts")) {
    try {
      receipts = await measureReceiptsCost(quick ? [250, 1000] : [250, 500, 1000, 2000])
      for (const row of receipts)
        console.log(
          `▶ anvil eth_getBlockReceipts, block of ${row.blockSize}: ${Math.round(row.anvilUsPerReceipt)} µs anvil CPU per receipt`,
        )
    } catch (error) {
      console.log(
        `▶ receipts calibration not measured: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
  let micro: MicroResult[] = []
  if (chosen.has("micro")) {
    collectGarbage()
    micro = await runMicroBenchmarks(size.micro)
    for (const row of micro)
      console.log(`  ${row.name}: ${row.cpuUs.toFixed(2)} µs CPU (${row.meanUs.toFixed(2)} µs wall)`)
  }
  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    quick,
    machine,
    calibrations: {
      cSignPerCpuSecond: cSign.perCpuSecond,
      cSignPerWallSecond: cSign.perWallSecond,
      cAnvil: cAnvil?.measured ? cAnvil : undefined,
      receipts,
    },
    phases,
    micro,
    mixedBaseline: readMixedBaseline(),
  }
  const json = toJson(report)
  console.log("\nTargets:")
  for (const target of json.targets)
    console.log(
      `  ${target.met === undefined ? "–     " : target.met ? "met   " : "MISSED"} ${target.name}: ${target.value ?? "n/a"} ${target.unit} (wanted ${target.target})`,
    )
  if (write) {
    writeReports(docsDirectory, report)
    console.log(`\nWrote ${docsDirectory}/benchmarks.md and benchmarks.json`)
  }
}

const hardStop = setTimeout(
  () => {
    console.error("benchmarks: hard time limit reached, stopping")
    void stopAllDevnets().finally(() => process.exit(1))
  },
  quick ? 170_000 : 1_500_000,
)
hardStop.unref()
main()
  .then(() => stopAllDevnets())
  .then(
    () => process.exit(0),
    async (error: unknown) => {
      console.error(error)
      await stopAllDevnets()
      process.exit(1)
    },
  )
