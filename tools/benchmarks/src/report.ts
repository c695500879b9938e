/**
 * docs/benchmarks.json and docs/benchmarks.md from one run: the phase table, ratios, targets
 * (met or missed, said plainly), calibrations, micro-benchmarks, machine, and how to rerun.
 */
import { readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Machine } from "./machine.js"
import type { MicroResult } from "./micro.js"
import type { ReceiptsCost } from "./phases/receiptsCost.js"
import type { PhaseResult } from "./phases/types.js"

/**
 * Everything one run produced.
 *
 * @example
 * writeReports(docsDirectory, report)
 */
export type BenchReport = {
  startedAt: string
  finishedAt: string
  quick: boolean
  machine: Machine
  calibrations: {
    cSignPerCpuSecond: number
    cSignPerWallSecond: number
    cAnvil: PhaseResult | undefined
    /** anvil CPU per receipt (eth_getBlockReceipts) by block size. */
    receipts: readonly ReceiptsCost[]
  }
  phases: PhaseResult[]
  micro: MicroResult[]
}

type Target = {
  name: string
  target: string
  value: number | undefined
  met: boolean | undefined
  unit: string
}

const round = (value: number | undefined, digits = 1) =>
  value === undefined || !Number.isFinite(value) ? undefined : Math.round(value * 10 ** digits) / 10 ** digits
const show = (value: number | undefined, digits = 1) => {
  const rounded = round(value, digits)
  return rounded === undefined ? "–" : rounded.toLocaleString("en-US")
}

function phase(report: BenchReport, id: string): PhaseResult | undefined {
  return report.phases.find((entry) => entry.id === id && entry.measured)
}

function ratio(numerator: PhaseResult | undefined, denominator: PhaseResult | undefined) {
  if (numerator === undefined || denominator === undefined || denominator.confirmedTps === 0) return undefined
  return numerator.confirmedTps / denominator.confirmedTps
}

function targets(report: BenchReport): Target[] {
  const [a, b, c, d] = ["a", "b", "c", "d"].map((id) => phase(report, id))
  const check = (
    name: string,
    target: string,
    value: number | undefined,
    unit: string,
    ok: (value: number) => boolean,
  ): Target => ({
    name,
    target,
    value,
    unit,
    met: value === undefined ? undefined : ok(value),
  })
  return [
    check("d / a (pipeline vs raw limit)", "≥ 0.8", ratio(d, a), "×", (value) => value >= 0.8),
    check("d / b (pipeline vs naive ethers)", "≥ 30", ratio(d, b), "×", (value) => value >= 30),
    check("d / c (pipeline vs tuned ethers)", "≥ 6", ratio(d, c), "×", (value) => value >= 6),
    check(
      "Node CPU per confirmed transfer, incl. signing",
      "≤ 120",
      d?.nodeCpuUsPerTx,
      "µs",
      (value) => value <= 120,
    ),
    check("RPC calls per transaction", "≤ 1.02", d?.rpcCallsPerTx, "", (value) => value <= 1.02),
    check("HTTP requests per transaction", "≤ 0.05", d?.httpRequestsPerTx, "", (value) => value <= 0.05),
    check("p50 inclusion latency (1 s blocks)", "≤ 1250", d?.p50InclusionMs, "ms", (value) => value <= 1250),
    check(
      "peak RSS, 1000 wallets + 1000 concurrent tasks",
      "≤ 150",
      d?.measurement?.peakRssMb,
      "MB",
      (value) => value <= 150,
    ),
    check("event-loop delay p99", "≤ 20", d?.measurement?.eventLoopP99Ms, "ms", (value) => value <= 20),
  ]
}

/**
 * The JSON document (stable field names for tooling).
 *
 * @example
 * const json = toJson(report)
 * json.pipeline_confirmed_tps // 3900
 */
export function toJson(report: BenchReport) {
  const [a, b, c, d, e] = ["a", "b", "c", "d", "e"].map((id) => phase(report, id))
  return {
    generated_at: report.finishedAt,
    quick: report.quick,
    machine: report.machine,
    raw_confirmed_tps: round(a?.confirmedTps),
    naive_confirmed_tps: round(b?.confirmedTps),
    tuned_confirmed_tps: round(c?.confirmedTps),
    pipeline_confirmed_tps: round(d?.confirmedTps),
    mixed_confirmed_tps: e === undefined ? null : round(e.confirmedTps),
    mixed_not_measured_reason:
      e === undefined ? (report.phases.find((entry) => entry.id === "e")?.notes[0] ?? "not run") : null,
    pipeline_node_cpu_us_per_tx: round(d?.nodeCpuUsPerTx),
    pipeline_rpc_calls_per_tx: round(d?.rpcCallsPerTx, 3),
    pipeline_http_requests_per_tx: round(d?.httpRequestsPerTx, 4),
    pipeline_p50_inclusion_ms: round(d?.p50InclusionMs, 0),
    pipeline_p99_inclusion_ms: round(d?.p99InclusionMs, 0),
    pipeline_peak_rss_mb: round(d?.measurement?.peakRssMb),
    pipeline_start_rss_mb: round(d?.measurement?.startRssMb),
    pipeline_event_loop_p99_ms: round(d?.measurement?.eventLoopP99Ms),
    ratio_pipeline_to_raw: round(ratio(d, a), 3),
    ratio_pipeline_to_naive: round(ratio(d, b), 1),
    ratio_pipeline_to_tuned: round(ratio(d, c), 2),
    c_sign_per_cpu_second: round(report.calibrations.cSignPerCpuSecond, 0),
    c_anvil_accepted_tps: round(report.calibrations.cAnvil?.acceptedTps, 0),
    c_anvil_confirmed_tps: round(report.calibrations.cAnvil?.confirmedTps, 0),
    ratio_pipeline_to_c_anvil: round(
      d === undefined || report.calibrations.cAnvil?.acceptedTps === undefined
        ? undefined
        : d.confirmedTps / report.calibrations.cAnvil.acceptedTps,
      3,
    ),
    anvil_receipts_cost: report.calibrations.receipts.map((row) => ({
      block_size: row.blockSize,
      anvil_us_per_receipt: round(row.anvilUsPerReceipt, 0),
      anvil_us_per_hash: round(row.anvilUsPerHash, 1),
    })),
    targets: targets(report).map((target) => ({ ...target, value: round(target.value, 3) })),
    phases: report.phases,
    micro: report.micro,
  }
}

function phaseRow(entry: PhaseResult): string {
  if (!entry.measured) return `| ${entry.label} | not measured: ${entry.notes.join("; ")} ||||||||||`
  const m = entry.measurement
  return `| ${entry.label} | **${show(entry.confirmedTps, 0)}** | ${show(entry.nodeCpuUsPerTx, 0)} | ${show(entry.anvilCpuUsPerTx, 0)} | ${show(entry.rpcCallsPerTx, 3)} / ${show(entry.httpRequestsPerTx, 4)} | ${show(entry.p50InclusionMs, 0)} / ${show(entry.p99InclusionMs, 0)} | ${show(m?.peakRssMb, 0)} (start ${show(m?.startRssMb, 0)}) | ${show(m?.eventLoopP99Ms, 1)} | ${show(m === undefined ? undefined : m.nodeCpuMs / m.wallMs, 2)} / ${show(m?.anvilCpuMs === undefined || m === undefined ? undefined : m.anvilCpuMs / m.wallMs, 2)} | ${show(m?.loadAverage1m, 1)} / ${show(m?.stealPercent, 1)} % / ${show(m?.machineBusyPercent, 0)} % | ${entry.confirmed}/${entry.transactions}${entry.notes.length > 0 ? ` (${entry.notes.join("; ")})` : ""} |`
}

/**
 * The Markdown page.
 *
 * @example
 * const markdown = toMarkdown(report, ["database.md", "nonce.md"])
 */
export function toMarkdown(report: BenchReport, sections: readonly string[]): string {
  const json = toJson(report)
  const machine = report.machine
  const lines = [
    "# Benchmarks",
    "",
    `Generated by \`pnpm bench${report.quick ? " --quick" : ""}\` on ${report.finishedAt} (run started ${report.startedAt}). **Everything below comes from that one run**; rerun it to refresh this page and \`docs/benchmarks.json\`.`,
    "",
    `Machine: ${machine.cpuCount} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}; native signer: ${machine.nativeSigner}. Load average at start: ${machine.loadAverageAtStart.join(" / ")} (1/5/15 min).`,
    "The machine is shared: each phase records the load average, the hypervisor's steal time and how busy all cores were, and the ratios (same run, same noise) matter more than absolute figures. Method and quiet-machine figures: `/work/shared/benchmarks-baseline.md`.",
    "",
    "## Phases",
    "",
    "Each phase runs against a fresh embedded anvil (`--block-time 1 --gas-limit 1000000000`, started and stopped by core's `startDevnet`). Confirmed tx/s = transactions mined ÷ (last inclusion seen − first send). CPU is `process.cpuUsage()` of this Node process (all threads) and anvil's `/proc/<pid>/stat`, divided by confirmed transactions. RPC counts come from core's RPC client statistics, from a counting `FetchRequest` hook for ethers, and from the bare poster for (a). Inclusion latency = first seen in a block by a 50 ms block poller − send time (for the pipeline: the journal's `sent_at`; the poller runs on its own connection, outside the pipeline's RPC counts). \"Cores used\" is CPU time ÷ wall time: when the machine is saturated by other work, both processes get less than they could use.",
    "",
    "| phase | confirmed tx/s | Node CPU µs/tx | anvil CPU µs/tx | RPC calls / HTTP req per tx | inclusion p50 / p99 ms | peak RSS MB (at phase start) | loop p99 ms | cores used: Node / anvil | load 1m / steal / all cores busy | confirmed/sent |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...report.phases.map(phaseRow),
    "",
    "## Ratios and calibrations (same run)",
    "",
    `- d / a = **${show(json.ratio_pipeline_to_raw, 3)}**, d / b = **${show(json.ratio_pipeline_to_naive, 1)}**, d / c = **${show(json.ratio_pipeline_to_tuned, 2)}**`,
    `- C_sign (ethers synchronous sign + serialize, one core): **${show(report.calibrations.cSignPerCpuSecond, 0)} per CPU-second** (${show(report.calibrations.cSignPerWallSecond, 0)} per wall-second).`,
    `- C_anvil (pre-signed, batches of 200 × 4, interval mining off + evm_mine every 100 ms): **${show(report.calibrations.cAnvil?.acceptedTps, 0)} accepted tx/s**, ${show(report.calibrations.cAnvil?.confirmedTps, 0)} confirmed tx/s. Pipeline (d) / C_anvil = **${show(json.ratio_pipeline_to_c_anvil, 3)}** (baseline target ≥ 0.7).`,
    ...(report.calibrations.receipts.length === 0
      ? []
      : [
          `- anvil's \`eth_getBlockReceipts\` CPU per receipt by block size: ${report.calibrations.receipts.map((row) => `${row.blockSize} → **${show(row.anvilUsPerReceipt, 0)} µs**`).join(", ")} (reading the same blocks' hashes with \`eth_getBlockByNumber(n, false)\`: ${report.calibrations.receipts.map((row) => (row.anvilUsPerHash === 0 ? "under 10 ms for the whole block" : `${show(row.anvilUsPerHash, 1)} µs per transaction`)).join(", ")}; /proc counts anvil CPU in 10 ms ticks). The cost per receipt grows with the block, so a tracker that reads every block's receipts makes anvil spend more on confirmation than on ingestion once blocks hold more than a few hundred transactions — this is most of the gap between (d) and (a) in anvil CPU per transaction.`,
        ]),
    "",
    "## Targets",
    "",
    "| target | wanted | measured | |",
    "|---|---:|---:|---|",
    ...targets(report).map(
      (target) =>
        `| ${target.name} | ${target.target} ${target.unit} | ${show(target.value, 3)} ${target.unit} | ${target.met === undefined ? "not measured" : target.met ? "met" : "**missed**"} |`,
    ),
    "",
    "## Why targets are missed here (analysis of 2026-11-22, kept until a quiet-machine run replaces it)",
    "",
    "- **The machine is not ours.** Eight other engineers' test runs kept the 2 vCPUs at 91–100 % busy (load average 3–15). Our Node process and our anvil together got well under the 2 cores in most phases (column \"cores used\"), so every absolute rate is a fraction of the quiet-box baseline (raw limit 1,100–3,200 tx/s across the day's runs against 5,650), and CPU costs per operation are 1.5–3× the baseline's (C_sign ≈ 550–1,050 per CPU-second here against ~1,300; native ECDSA ≈ 85 µs against ~50 µs). Ratios within one run are the figures to read.",
    '- **d / a: anvil spends much more per transaction in (d) than in (a).** Both phases are CPU-bound on the same shared cores, but in (d) anvil also serves the receipt tracker\'s `eth_getBlockReceipts` once per block, and anvil 1.7.1 makes that superlinear in the block size (calibration above: ~80 µs per receipt at 250 transactions per block, ~300 µs at 1,000, ~800 µs at 2,000, ~2.2 ms at 4,000). At the target rate (≈ 4,000 transfers per 1 s block) confirmation would cost anvil ~5× what ingestion costs, so no per-block-receipts tracker can reach 0.8 × (a) on anvil with 1 s blocks. Options for the runner: shorter blocks on the devnet (`--block-time 0.2` keeps blocks small; the "(d, 0.2 s blocks)" row measures exactly that, same pipeline, same count), reading inclusion from `eth_getBlockByNumber(n, false)` (≈ 2–3 µs per transaction) and fetching receipts only where status, gas or logs matter, or batching `eth_getTransactionReceipt` (to be measured).',
    "- **Node CPU per transaction (target ≤ 120 µs).** The fast signer itself costs ~170–230 µs of CPU here (native ECDSA ~85, keccak ~30 in JS, encoding and hex ~15; see the micro-benchmarks). The rest of (d)'s ~400–750 µs is the runner's per-task work (task context, two AbortSignals per task, journal commit, tracker bookkeeping, a second keccak of the signed hex in the submitter, GC). The fast signer offers `signTransactionWithHash` so the submitter can skip its own `keccak256(raw)`. Against (d'), the same pipeline with core's ethers wallets, the fast signer cuts Node CPU per transaction by roughly 2–3×.",
    "- **d / c and d / b.** (c) and (b) keep the Node process busy (0.4–0.85 cores) on few, cheap code paths; (d) is limited by anvil's share and its receipt cost, so the ratios are far below the targets on this box. Node CPU per transaction tells the difference better: (b) ≈ 8–12 ms, (c) ≈ 1.3–1.9 ms, (d) ≈ 0.4–0.75 ms.",
    "- **RPC calls per transaction (1.05–1.17 against ≤ 1.02).** One `eth_getTransactionCount` per new wallet lane (1,000 wallets) plus the tracker's per-block calls; over 20,000 transactions that is ~0.05 per transaction, over the quick run's 4,000 ~0.25. HTTP requests per transaction (≈ 0.01) meet the target.",
    "- **Latency, event-loop delay, memory.** p50 inclusion is 1.4–2.8 s because blocks are late and receipts slow under this load. The event loop's p99 (140–550 ms) and max (up to 2 s) come from bursts: the open-loop scheduler starts every due task in one go after a stall, and each signs synchronously. Peak RSS grows by ~9 KB per transaction over the run (≈ 130 → 310–325 MB for 20,000): per-task state outliving the task (180 s `AbortSignal.timeout` timers referencing the task context are the first suspect). These are runner-side; the signer holds no per-transaction state.",
    "",
    "## Micro-benchmarks (tinybench, same run)",
    "",
    "CPU µs is `process.cpuUsage()` over the timed runs divided by the runs (steadier on a shared box); wall mean and p99 are tinybench's and include time the process was not scheduled.",
    "",
    "| operation | CPU µs/op | wall mean µs | wall p99 µs | runs |",
    "|---|---:|---:|---:|---:|",
    ...report.micro.map(
      (row) =>
        `| ${row.name} | **${show(row.cpuUs, 2)}** | ${show(row.meanUs, 2)} | ${show(row.p99Us, 2)} | ${row.samples} |`,
    ),
    "",
    "## How to rerun",
    "",
    "```sh",
    "pnpm bench            # full run (a few minutes): builds, then every phase, then writes docs/benchmarks.{md,json}",
    "pnpm bench --quick    # < 2 minutes, smaller counts",
    "pnpm bench --phases d,a --no-write   # chosen phases, print only",
    "TESTNET_DISABLE_NATIVE_SIGNER=1 pnpm bench --quick   # the pipeline with the pure-JS fallback signer",
    "```",
    "",
    "The harness lives in `tools/benchmarks` (`src/bench.ts`). Every load loop is bounded in count and time, and every anvil is stopped by the phase that started it. Design of the fast path: [ADR 0010](adr/0010-fast-submission-path.md).",
    "",
    "## Other benchmark sections",
    "",
    ...sections.map((file) => `- [${file.replace(/\.md$/, "")}](benchmarks/${file})`),
    "",
  ]
  return lines.join("\n")
}

/**
 * Writes docs/benchmarks.json and docs/benchmarks.md.
 *
 * @example
 * writeReports("/repo/docs", report)
 */
export function writeReports(docsDirectory: string, report: BenchReport): void {
  let sections: string[] = []
  try {
    sections = readdirSync(join(docsDirectory, "benchmarks"))
      .filter((file) => file.endsWith(".md"))
      .sort()
  } catch {
    sections = []
  }
  writeFileSync(join(docsDirectory, "benchmarks.json"), `${JSON.stringify(toJson(report), null, 2)}\n`)
  writeFileSync(join(docsDirectory, "benchmarks.md"), toMarkdown(report, sections))
}
