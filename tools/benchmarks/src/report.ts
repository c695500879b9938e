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
  /** The capacity phase (e) as measured before the main job's optimisation (docs/benchmarks/mixed-baseline.json). */
  mixedBaseline?: MixedBaseline | undefined
}

/**
 * A saved capacity figure of phase (e) to compare later runs with (same machine kind and set-up).
 *
 * @example
 * const baseline: MixedBaseline = { confirmedTps: 350, measuredAt: "2026-12-03", note: "before the main job's optimisation" }
 */
export type MixedBaseline = { confirmedTps: number; measuredAt: string; note: string }

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

function cpuRatio(
  entry: { nodeCpuUsPerTx?: number | undefined; anvilCpuUsPerTx?: number | undefined } | undefined,
) {
  if (
    entry?.nodeCpuUsPerTx === undefined ||
    entry.anvilCpuUsPerTx === undefined ||
    entry.anvilCpuUsPerTx === 0
  )
    return undefined
  return entry.nodeCpuUsPerTx / entry.anvilCpuUsPerTx
}

function achievedRatio(entry: PhaseResult | undefined) {
  if (entry?.taskStartsPerSecond === undefined || !entry.targetTaskStartsPerSecond) return undefined
  return entry.taskStartsPerSecond / entry.targetTaskStartsPerSecond
}

function baselineRatio(report: BenchReport, e: PhaseResult | undefined) {
  if (e === undefined || report.mixedBaseline === undefined || report.mixedBaseline.confirmedTps === 0)
    return undefined
  return e.confirmedTps / report.mixedBaseline.confirmedTps
}

// Devnet block time of (f), plus the proxy's 100 ms and 250 ms for the framework (issue target).
const remoteInclusionTargetMs = 1000 + 100 + 250

function targets(report: BenchReport): Target[] {
  const [a, b, c, d, e, f] = ["a", "b", "c", "d", "e", "f"].map((id) => phase(report, id))
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
    check("d / a (pipeline vs raw limit)", "≥ 0.85", ratio(d, a), "×", (value) => value >= 0.85),
    check("(d) Node CPU ÷ anvil CPU per transaction", "≤ 0.5", cpuRatio(d), "×", (value) => value <= 0.5),
    check(
      "(e) main job: Node CPU ÷ anvil CPU per transaction (steady state)",
      "≤ 0.5",
      cpuRatio(e?.steady),
      "×",
      (value) => value <= 0.5,
    ),
    check(
      "(e) main job: confirmed tx/s ÷ the saved baseline",
      "≥ 2",
      baselineRatio(report, e),
      "×",
      (value) => value >= 2,
    ),
    check(
      "(e) main job: RPC calls per transaction (steady state)",
      "≤ 1.3",
      e?.steady?.rpcCallsPerTx,
      "",
      (value) => value <= 1.3,
    ),
    check("(e) main job: peak RSS", "≤ 250", e?.measurement?.peakRssMb, "MB", (value) => value <= 250),
    check(
      "(e) main job: event-loop delay p99",
      "≤ 50",
      e?.measurement?.eventLoopP99Ms,
      "ms",
      (value) => value <= 50,
    ),
    check(
      "(f) remote RPC: achieved ÷ target rate",
      "≥ 0.98",
      achievedRatio(f),
      "×",
      (value) => value >= 0.98,
    ),
    check(
      "(f) remote RPC: p50 inclusion (1 s blocks, +100 ms per request)",
      `≤ ${remoteInclusionTargetMs}`,
      f?.p50InclusionMs,
      "ms",
      (value) => value <= remoteInclusionTargetMs,
    ),
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
    check(
      "RPC calls per transaction at steady state (without the one nonce read per wallet)",
      "≤ 1.02",
      d?.steadyRpcCallsPerTx,
      "",
      (value) => value <= 1.02,
    ),
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
  const [a, b, c, d, e, f] = ["a", "b", "c", "d", "e", "f"].map((id) => phase(report, id))
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
    mixed_task_starts_per_second: round(e?.taskStartsPerSecond),
    mixed_task_success_rate: round(e?.taskSuccessRate, 4),
    mixed_node_cpu_us_per_tx: round(e?.steady?.nodeCpuUsPerTx),
    mixed_anvil_cpu_us_per_tx: round(e?.steady?.anvilCpuUsPerTx),
    mixed_node_to_anvil_cpu: round(cpuRatio(e?.steady), 2),
    mixed_rpc_calls_per_tx: round(e?.steady?.rpcCallsPerTx, 3),
    mixed_http_requests_per_tx: round(e?.steady?.httpRequestsPerTx, 4),
    mixed_whole_run_node_cpu_us_per_tx: round(e?.nodeCpuUsPerTx),
    mixed_whole_run_rpc_calls_per_tx: round(e?.rpcCallsPerTx, 3),
    mixed_p50_inclusion_ms: round(e?.p50InclusionMs, 0),
    mixed_p99_inclusion_ms: round(e?.p99InclusionMs, 0),
    mixed_peak_rss_mb: round(e?.measurement?.peakRssMb),
    mixed_event_loop_p99_ms: round(e?.measurement?.eventLoopP99Ms),
    mixed_baseline_confirmed_tps: report.mixedBaseline?.confirmedTps ?? null,
    ratio_mixed_to_baseline: round(baselineRatio(report, e), 2),
    remote_achieved_ratio: round(achievedRatio(f), 3),
    remote_task_starts_per_second: round(f?.taskStartsPerSecond),
    remote_rpc_calls_per_tx: round(f?.steady?.rpcCallsPerTx ?? f?.rpcCallsPerTx, 3),
    remote_p50_inclusion_ms: round(f?.p50InclusionMs, 0),
    remote_p99_inclusion_ms: round(f?.p99InclusionMs, 0),
    pipeline_node_cpu_us_per_tx: round(d?.nodeCpuUsPerTx),
    pipeline_anvil_cpu_us_per_tx: round(d?.anvilCpuUsPerTx),
    pipeline_node_to_anvil_cpu: round(cpuRatio(d), 2),
    pipeline_rpc_calls_per_tx: round(d?.rpcCallsPerTx, 3),
    pipeline_steady_rpc_calls_per_tx: round(d?.steadyRpcCallsPerTx, 3),
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

function mainJobLines(json: ReturnType<typeof toJson>): string[] {
  const remote =
    json.remote_achieved_ratio === undefined
      ? "- (f) not measured."
      : `- (f) remote RPC: **${show((json.remote_achieved_ratio ?? Number.NaN) * 100, 1)} %** of the target rate held (${show(json.remote_task_starts_per_second, 1)} starts/s), ${show(json.remote_rpc_calls_per_tx, 3)} RPC calls per transaction at steady state, inclusion p50 **${show(json.remote_p50_inclusion_ms, 0)} ms** / p99 ${show(json.remote_p99_inclusion_ms, 0)} ms.`
  if (json.mixed_confirmed_tps === null)
    return [`- (e) not measured: ${json.mixed_not_measured_reason}`, remote]
  return [
    `- (e) main job at capacity: **${show(json.mixed_confirmed_tps, 0)} confirmed tx/s**, ${show(json.mixed_task_starts_per_second, 0)} task starts/s, ${show((json.mixed_task_success_rate ?? Number.NaN) * 100, 2)} % of tasks succeeded. Steady state (from the first task, funding excluded): Node **${show(json.mixed_node_cpu_us_per_tx, 0)} µs** ÷ anvil **${show(json.mixed_anvil_cpu_us_per_tx, 0)} µs** CPU per transaction = **${show(json.mixed_node_to_anvil_cpu, 2)}**; **${show(json.mixed_rpc_calls_per_tx, 3)} RPC calls** and ${show(json.mixed_http_requests_per_tx, 4)} HTTP requests per transaction (whole run with funding: ${show(json.mixed_whole_run_rpc_calls_per_tx, 3)} calls, ${show(json.mixed_whole_run_node_cpu_us_per_tx, 0)} µs Node CPU). Peak RSS ${show(json.mixed_peak_rss_mb, 0)} MB, event-loop p99 ${show(json.mixed_event_loop_p99_ms, 1)} ms.`,
    json.mixed_baseline_confirmed_tps === null
      ? "- (e) baseline: none saved (docs/benchmarks/mixed-baseline.json)."
      : `- (e) ÷ saved baseline (${show(json.mixed_baseline_confirmed_tps, 0)} confirmed tx/s, docs/benchmarks/mixed-baseline.json) = **${show(json.ratio_mixed_to_baseline, 2)}**.`,
    remote,
  ]
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
    "Each phase runs against a fresh embedded anvil (`--block-time 1 --gas-limit 1000000000`, started and stopped by core's `startDevnet`). Confirmed tx/s = transactions mined ÷ (last inclusion seen − first send). CPU is `process.cpuUsage()` of this Node process (all threads; the main-job phases (e) and (f) run in a Node process of their own, whose CPU and RSS are counted) and anvil's `/proc/<pid>/stat`, divided by confirmed transactions. RPC counts come from core's RPC client statistics, from a counting `FetchRequest` hook for ethers, and from the bare poster for (a). Inclusion latency = first seen in a block by a 50 ms block poller − send time (for the pipeline: the journal's `sent_at`; the poller runs on its own connection, outside the pipeline's RPC counts). \"Cores used\" is CPU time ÷ wall time: when the machine is saturated by other work, both processes get less than they could use.",
    "",
    "| phase | confirmed tx/s | Node CPU µs/tx | anvil CPU µs/tx | RPC calls / HTTP req per tx | inclusion p50 / p99 ms | peak RSS MB (at phase start) | loop p99 ms | cores used: Node / anvil | load 1m / steal / all cores busy | confirmed/sent |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...report.phases.map(phaseRow),
    "",
    "## Ratios and calibrations (same run)",
    "",
    `- d / a = **${show(json.ratio_pipeline_to_raw, 3)}**, d / b = **${show(json.ratio_pipeline_to_naive, 1)}**, d / c = **${show(json.ratio_pipeline_to_tuned, 2)}**`,
    `- (d) Node CPU ÷ anvil CPU per transfer = **${show(json.pipeline_node_to_anvil_cpu, 2)}** (${show(json.pipeline_node_cpu_us_per_tx, 0)} µs ÷ ${show(json.pipeline_anvil_cpu_us_per_tx, 0)} µs).`,
    ...mainJobLines(json),
    `- C_sign (ethers synchronous sign + serialize, one core): **${show(report.calibrations.cSignPerCpuSecond, 0)} per CPU-second** (${show(report.calibrations.cSignPerWallSecond, 0)} per wall-second).`,
    `- C_anvil (pre-signed, batches of 200 × 4, interval mining off + evm_mine every 100 ms): **${show(report.calibrations.cAnvil?.acceptedTps, 0)} accepted tx/s**, ${show(report.calibrations.cAnvil?.confirmedTps, 0)} confirmed tx/s. Pipeline (d) / C_anvil = **${show(json.ratio_pipeline_to_c_anvil, 3)}** (baseline target ≥ 0.7).`,
    ...(report.calibrations.receipts.length === 0
      ? []
      : [
          `- anvil's \`eth_getBlockReceipts\` CPU per receipt by block size: ${report.calibrations.receipts.map((row) => `${row.blockSize} → **${show(row.anvilUsPerReceipt, 0)} µs**`).join(", ")} (reading the same blocks' hashes with \`eth_getBlockByNumber(n, false)\`: ${report.calibrations.receipts.map((row) => (row.anvilUsPerHash === 0 ? "under 10 ms for the whole block" : `${show(row.anvilUsPerHash, 1)} µs per transaction`)).join(", ")}; /proc counts anvil CPU in 10 ms ticks). The cost per receipt grows with the block, so a tracker that reads every block's receipts makes anvil spend more on confirmation than on ingestion once blocks hold more than a few hundred transactions — which is why the receipt tracker settles plain transfers to proven-codeless recipients from the block header and reads receipts only for blocks that hold anything else (ADR 0012; the pipeline rows say how many receipts each way).`,
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
    "## Why targets are missed",
    "",
    "The analysis of the latest full run, the causes of every missed target and what was changed for them: [benchmarks/analysis.md](benchmarks/analysis.md). Diagnose a phase live with `BENCH_TRACE=1 pnpm bench --phases d --no-write` (a snapshot of the run, the RPC client and memory every 500 ms on stderr).",
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
