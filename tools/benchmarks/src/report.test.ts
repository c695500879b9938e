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
    expect(json.targets.map((target) => target.met)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ])
    const slow = toJson({ ...report, phases: [phase("a", 4000), phase("d", 2000, { nodeCpuUsPerTx: 500 })] })
    expect(slow.targets.filter((target) => target.met === false).map((target) => target.name)).toEqual([
      "d / a (pipeline vs raw limit)",
      "Node CPU per confirmed transfer, incl. signing",
    ])
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
