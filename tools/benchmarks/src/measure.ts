/**
 * What every phase records besides its throughput: Node CPU (process.cpuUsage), peak RSS (sampled),
 * event-loop delay, anvil's CPU (/proc/<pid>/stat), and how busy the machine was (load average,
 * steal and total busy share from /proc/stat) — the box is shared, so each number carries its noise.
 */
import { readFileSync } from "node:fs"
import { loadavg } from "node:os"
import { monitorEventLoopDelay } from "node:perf_hooks"

/**
 * One phase's resource figures.
 *
 * @example
 * const measurement = startMeasurement(devnet.pid).stop()
 */
export type Measurement = {
  wallMs: number
  nodeCpuMs: number
  anvilCpuMs: number | undefined
  /** RSS when the phase started (modules, earlier phases' leftovers): the phase's growth is peak − start. */
  startRssMb: number
  peakRssMb: number
  eventLoopP99Ms: number
  eventLoopMaxMs: number
  loadAverage1m: number
  /** Share of all cores' time stolen by the hypervisor during the phase (percent). */
  stealPercent: number | undefined
  /** Share of all cores' time busy (any process) during the phase (percent). */
  machineBusyPercent: number | undefined
}

const clockTicks = 100

function readProcStat(): { total: number; idle: number; steal: number } | undefined {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? ""
    const values = line.trim().split(/\s+/).slice(1).map(Number)
    const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0)
    return { total, idle: (values[3] ?? 0) + (values[4] ?? 0), steal: values[7] ?? 0 }
  } catch {
    return undefined
  }
}

function readProcessCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? []
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks
  } catch {
    return undefined
  }
}

/**
 * Starts measuring; `stop()` returns the figures since then.
 *
 * @example
 * const measuring = startMeasurement(devnet.pid)
 * await work()
 * const { nodeCpuMs, peakRssMb } = measuring.stop()
 */
export function startMeasurement(anvilPid?: number): { stop(): Measurement } {
  const startedAt = performance.now()
  const cpu = process.cpuUsage()
  const anvilStart = readProcessCpuMs(anvilPid)
  const statStart = readProcStat()
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const startRss = process.memoryUsage.rss()
  let peakRss = startRss
  // Every 250 ms: each read costs ~0.4 ms on a loaded machine (it reads /proc), and at 50 ms the
  // two samplers of a main-job phase were ~3 % of the Node CPU charged to the job.
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }, 250)
  sampler.unref()
  return {
    stop() {
      clearInterval(sampler)
      delay.disable()
      peakRss = Math.max(peakRss, process.memoryUsage.rss())
      const used = process.cpuUsage(cpu)
      const anvilEnd = readProcessCpuMs(anvilPid)
      const statEnd = readProcStat()
      const totalTicks = statStart && statEnd ? statEnd.total - statStart.total : 0
      return {
        wallMs: performance.now() - startedAt,
        nodeCpuMs: (used.user + used.system) / 1000,
        anvilCpuMs: anvilStart !== undefined && anvilEnd !== undefined ? anvilEnd - anvilStart : undefined,
        startRssMb: startRss / 2 ** 20,
        peakRssMb: peakRss / 2 ** 20,
        eventLoopP99Ms: delay.percentile(99) / 1e6,
        eventLoopMaxMs: delay.max / 1e6,
        loadAverage1m: loadavg()[0] ?? 0,
        stealPercent:
          statStart && statEnd && totalTicks > 0
            ? (100 * (statEnd.steal - statStart.steal)) / totalTicks
            : undefined,
        machineBusyPercent:
          statStart && statEnd && totalTicks > 0
            ? 100 - (100 * (statEnd.idle - statStart.idle)) / totalTicks
            : undefined,
      }
    },
  }
}
