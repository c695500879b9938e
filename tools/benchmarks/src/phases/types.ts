import type { Measurement } from "../measure.js"

/**
 * One phase's outcome, as written to docs/benchmarks.json.
 *
 * @example
 * const result: PhaseResult = await runRawPhase({ count: 20_000 })
 */
export type PhaseResult = {
  id: string
  label: string
  measured: boolean
  /** Why a phase was not measured or what limits its figures. */
  notes: string[]
  transactions: number
  confirmed: number
  confirmedTps: number
  acceptedTps: number | undefined
  nodeCpuUsPerTx: number | undefined
  anvilCpuUsPerTx: number | undefined
  rpcCallsPerTx: number | undefined
  /** RPC calls per transaction without one-time setup (the first nonce read of each wallet). */
  steadyRpcCallsPerTx?: number | undefined
  httpRequestsPerTx: number | undefined
  p50InclusionMs: number | undefined
  p99InclusionMs: number | undefined
  measurement: Measurement | undefined
  /** Achieved and target task starts per second over the sending window (pipeline phases). */
  taskStartsPerSecond?: number
  targetTaskStartsPerSecond?: number
  /** Share of finished tasks that succeeded (pipeline phases). */
  taskSuccessRate?: number | undefined
  /** From the first task start to the end: the per-transaction cost without funding and setup. */
  steady?: SteadyState
}

/**
 * Per-transaction figures of a phase's steady state (its tasks, without funding and setup).
 *
 * @example
 * const ratio = (phase.steady?.nodeCpuUsPerTx ?? 0) / (phase.steady?.anvilCpuUsPerTx ?? 1)
 */
export type SteadyState = {
  nodeCpuUsPerTx: number
  anvilCpuUsPerTx: number | undefined
  rpcCallsPerTx: number
  httpRequestsPerTx: number
  /** JSON-RPC calls per confirmed transaction by method, largest first (main-job phases). */
  rpcCallsPerTxByMethod?: Record<string, number>
  confirmed: number
  measurement: Measurement
}

/**
 * A phase that could not run, with the reason.
 *
 * @example
 * return notMeasured("e", "mixed Tempo catalog", "the Tempo chain did not start")
 */
export function notMeasured(id: string, label: string, reason: string): PhaseResult {
  return {
    id,
    label,
    measured: false,
    notes: [reason],
    transactions: 0,
    confirmed: 0,
    confirmedTps: 0,
    acceptedTps: undefined,
    nodeCpuUsPerTx: undefined,
    anvilCpuUsPerTx: undefined,
    rpcCallsPerTx: undefined,
    httpRequestsPerTx: undefined,
    p50InclusionMs: undefined,
    p99InclusionMs: undefined,
    measurement: undefined,
  }
}

/**
 * Per-confirmed-transaction figures from a measurement and counters.
 *
 * @example
 * const figures = perTransaction(measurement, { confirmed: 1000, calls: 1010, httpRequests: 8 })
 */
export function perTransaction(
  measurement: Measurement,
  counters: { confirmed: number; calls: number; httpRequests: number },
) {
  const divisor = Math.max(1, counters.confirmed)
  return {
    nodeCpuUsPerTx: (measurement.nodeCpuMs * 1000) / divisor,
    anvilCpuUsPerTx:
      measurement.anvilCpuMs === undefined ? undefined : (measurement.anvilCpuMs * 1000) / divisor,
    rpcCallsPerTx: counters.calls / divisor,
    httpRequestsPerTx: counters.httpRequests / divisor,
  }
}
