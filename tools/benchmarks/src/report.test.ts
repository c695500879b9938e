import { describe, expect, it } from "vitest"
import { percentile } from "./inclusion.js"
import type { Measurement } from "./measure.js"
import { notMeasured, type PhaseResult } from "./phases/types.js"
import { type BenchReport, toJson, toMarkdown } from "./report.js"

const measurement: Measurement = {
  wallMs: 1000,
  nodeCpuMs: 100,
  anvilCpuMs: 300,
  startRssMb: 90,
  peakRssMb: 120,
  eventLoopP99Ms: 12,
  eventLoopMaxMs: 30,
  loadAverage1m: 3,
  stealPercent: 1,
  machineBusyPercent: 80,
}

function phase(id: string, confirmedTps: number, extra: Partial<PhaseResult> = {}): PhaseResult {
  return {
    ...notMeasured(id, `phase ${id}`, ""),
    measured: true,
    notes: [],
    transactions: 1000,
    confirmed: 1000,
    confirmedTps,
    measurement,
    ...extra,
  }
}

const report: BenchReport = {
  startedAt: "2026-11-22T03:00:00.000Z",
  finishedAt: "2026-11-22T03:05:00.000Z",
  quick: true,
  machine: {
    cpuModel: "test",
    cpuCount: 2,
    memoryGiB: 24,
    node: "v20.20.2",
    platform: "linux-x64",
    loadAverageAtStart: [1, 1, 1],
    nativeSigner: "libsecp256k1",
  },
  calibrations: {
    cSignPerCpuSecond: 1300,
    cSignPerWallSecond: 1200,
    cAnvil: phase("c_anvil", 5000, { acceptedTps: 5500 }),
    receipts: [{ blockSize: 1000, anvilUsPerReceipt: 250, anvilUsPerHash: 2 }],
  },
  phases: [
    phase("a", 4000),
    phase("b", 100),
    phase("c", 600),
    phase("d", 3600, {
      nodeCpuUsPerTx: 110,
      anvilCpuUsPerTx: 300,
      rpcCallsPerTx: 1.01,
      steadyRpcCallsPerTx: 1.005,
      httpRequestsPerTx: 0.01,
      p50InclusionMs: 900,
    }),
    notMeasured("e", "mixed", "the Tempo chain did not start"),
  ],
  micro: [],
}

describe("benchmark report", () => {
  it("computes the ratios and judges each target", () => {
    const json = toJson(report)
    expect([json.ratio_pipeline_to_raw, json.ratio_pipeline_to_naive, json.ratio_pipeline_to_tuned]).toEqual([
      0.9, 36, 6,
    ])
    expect(json.mixed_confirmed_tps).toBeNull()
    expect(json.mixed_not_measured_reason).toBe("the Tempo chain did not start")
    expect(json.ratio_pipeline_to_c_anvil).toBeCloseTo(3600 / 5500, 3)
    const judged = json.targets.filter((target) => target.met !== undefined)
    expect(judged.length).toBe(11)
    expect(judged.every((target) => target.met)).toBe(true)
    // No (e) or (f) in this run: their targets say "not measured" instead of passing.
    expect(
      json.targets.filter((target) => /^\((e|f)\)/.test(target.name)).map((target) => target.met),
    ).toEqual(Array(7).fill(undefined))
    const slow = toJson({ ...report, phases: [phase("a", 4000), phase("d", 2000, { nodeCpuUsPerTx: 500 })] })
    expect(slow.targets.filter((target) => target.met === false).map((target) => target.name)).toEqual([
      "d / a (pipeline vs raw limit)",
      "Node CPU per confirmed transfer, incl. signing",
    ])
  })

  it("judges the main job (e) on its steady state and the remote phase (f) against its target rate", () => {
    const steady = {
      nodeCpuUsPerTx: 900,
      anvilCpuUsPerTx: 1000,
      rpcCallsPerTx: 2.5,
      httpRequestsPerTx: 0.1,
      confirmed: 900,
      measurement,
    }
    const json = toJson({
      ...report,
      mixedBaseline: { confirmedTps: 300, measuredAt: "2026-12-03", note: "before" },
      phases: [
        phase("e", 660, {
          steady,
          taskStartsPerSecond: 500,
          targetTaskStartsPerSecond: 1500,
          taskSuccessRate: 0.995,
        }),
        phase("f", 150, { taskStartsPerSecond: 196, targetTaskStartsPerSecond: 200, p50InclusionMs: 1400 }),
      ],
    })
    expect([json.mixed_node_to_anvil_cpu, json.mixed_rpc_calls_per_tx, json.ratio_mixed_to_baseline]).toEqual(
      [0.9, 2.5, 2.2],
    )
    expect([json.remote_achieved_ratio, json.remote_p50_inclusion_ms]).toEqual([0.98, 1400])
    const met = Object.fromEntries(json.targets.map((target) => [target.name, target.met]))
    expect(met["(e) main job: Node CPU ÷ anvil CPU per transaction (steady state)"]).toBe(false)
    expect(met["(e) main job: confirmed tx/s ÷ the saved baseline"]).toBe(true)
    expect(met["(e) main job: RPC calls per transaction (steady state)"]).toBe(false)
    expect(met["(f) remote RPC: achieved ÷ target rate"]).toBe(true)
    expect(met["(f) remote RPC: p50 inclusion (1 s blocks, +100 ms per request)"]).toBe(false)
    expect(toMarkdown({ ...report, phases: [] }, [])).toContain("(f) not measured")
  })

  it("says plainly what was not measured and links the other sections", () => {
    const markdown = toMarkdown(report, ["database.md", "nonce.md"])
    expect(markdown).toContain("not measured: the Tempo chain did not start")
    expect(markdown).toContain("[database](benchmarks/database.md)")
    expect(markdown).toContain("[nonce](benchmarks/nonce.md)")
  })

  it("takes nearest-rank percentiles", () => {
    expect([percentile([], 50), percentile([5, 1, 3, 2, 4], 50), percentile([1, 2, 3, 4], 99)]).toEqual([
      undefined,
      3,
      4,
    ])
  })
})
