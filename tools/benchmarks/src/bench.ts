/**
 * `pnpm bench [--quick] [--phases a,b,c,d,e,...] [--no-write]`: one run against the embedded
 * devnet measuring the raw limit (a), the naive (b) and tuned (c) ethers baselines, the pipeline
 * on a transfer-only catalog (d; also with core's ethers wallets, d_ethers) and on the mixed Tempo
 * catalog (e), the calibrations C_sign and C_anvil, and the hot-path micro-benchmarks. Writes
 * docs/benchmarks.md and docs/benchmarks.json.
 */
import { fileURLToPath } from "node:url"
import type { ChainDefinition } from "@testnet/core"
import { stopAllDevnets } from "@testnet/core/devnet"
import { measureSignCalibration } from "./calibration.js"
import { describeMachine } from "./machine.js"
import { type MicroResult, runMicroBenchmarks } from "./micro.js"
import { runNaivePhase, runTunedPhase } from "./phases/ethersBaselines.js"
import { runPipelinePhase } from "./phases/pipeline.js"
import { runRawPhase } from "./phases/raw.js"
import { measureReceiptsCost, type ReceiptsCost } from "./phases/receiptsCost.js"
import { notMeasured, type PhaseResult } from "./phases/types.js"
import { type BenchReport, toJson, writeReports } from "./report.js"
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
      mixed: 60,
      micro: 150,
      sign: 700,
    }
  : {
      raw: 20_000,
      naive: 1500,
      tuned: 3000,
      pipeline: 20_000,
      mixed: 600,
      micro: 1000,
      sign: 2000,
    }

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
      `${Math.round(result.confirmedTps)} confirmed tx/s, ${Math.round(result.nodeCpuUsPerTx ?? 0)} µs Node CPU/tx (${((Date.now() - startedAt) / 1000).toFixed(1)} s)\n`,
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
  add(
    await phase("e", "(e) pipeline, mixed Tempo catalog", async () => {
      // Loaded by name at run time: the Tempo package is optional here and still being finished.
      const specifier = "@testnet/tempo"
      const { tempo } = (await import(specifier)) as { tempo: ChainDefinition }
      return runPipelinePhase({
        id: "e",
        label: `(e) pipeline, default mixed Tempo catalog (runner funding included), ${quick ? 20 : 50} wallets`,
        chain: tempo,
        count: size.mixed,
        wallets: quick ? 20 : 50,
        workers: quick ? 20 : 50,
        targetTps: 100,
        signing: "fast",
        prefund: false,
        timeoutMs: quick ? 15_000 : 60_000,
        graceMs: quick ? 8_000 : 30_000,
      })
    }),
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
  }
  const json = toJson(report)
  console.log("\nTargets:")
  for (const target of json.targets)
    console.log(
      `  ${target.met === undefined ? "–     " : target.met ? "met   " : "MISSED"} ${target.name}: ${target.value ?? "n/a"} ${target.unit} (wanted ${target.target})`,
    )
  if (write) {
    const docs = fileURLToPath(new URL("../../../docs", import.meta.url))
    writeReports(docs, report)
    console.log(`\nWrote ${docs}/benchmarks.md and benchmarks.json`)
  }
}

const hardStop = setTimeout(
  () => {
    console.error("benchmarks: hard time limit reached, stopping")
    void stopAllDevnets().finally(() => process.exit(1))
  },
  quick ? 170_000 : 900_000,
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
