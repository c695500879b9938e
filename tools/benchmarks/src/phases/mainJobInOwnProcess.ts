/**
 * The parent's side of mainJobProcess.js: runs a main-job phase in a child process and returns
 * its result.
 */
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import type { MainJobPhaseOptions } from "./mainJob.js"
import type { PhaseResult } from "./types.js"

/**
 * Runs {@link MainJobPhaseOptions} (without the chain: the child runs the Tempo catalog) in its own
 * Node process; rejects with the child's last error line when it fails or outlives `timeoutMs`.
 *
 * @example
 * const capacity = await runMainJobInOwnProcess({ id: "e", label: "capacity", wallets: 1000, workers: 1000, targetTps: 1500, seconds: 30, latencyMs: 0 }, 300_000)
 */
export function runMainJobInOwnProcess(
  options: Omit<MainJobPhaseOptions, "chain">,
  timeoutMs: number,
  // Next to the bundled bench.js.
  script = fileURLToPath(new URL("./mainJobProcess.js", import.meta.url)),
): Promise<PhaseResult> {
  // BENCH_MAIN_NODE_FLAGS: V8 flags for the job's process, e.g. the old-generation cap operators
  // may set (docs/operations.md), to measure the job under it; unset, the job runs as `start` does.
  const nodeFlags = (process.env.BENCH_MAIN_NODE_FLAGS ?? "").split(" ").filter((flag) => flag !== "")
  const child = spawn(process.execPath, [...nodeFlags, script, JSON.stringify(options)], {
    stdio: ["ignore", "pipe", "pipe"],
  })
  let stdout = ""
  let stderr = ""
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk
  })
  return new Promise<PhaseResult>((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs)
    child.once("exit", (code) => {
      clearTimeout(timer)
      const line = stdout.split("\n").find((text) => text.startsWith("RESULT "))
      if (code === 0 && line !== undefined) return resolve(JSON.parse(line.slice(7)) as PhaseResult)
      const reason = stderr.trim().split("\n").at(-1) ?? `exit code ${code}`
      reject(new Error(`the main-job process failed: ${reason}`))
    })
  })
}
