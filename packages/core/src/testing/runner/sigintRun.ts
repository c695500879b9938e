/**
 * Drives the SIGINT child (sigintChild.ts) for the shutdown tests: bundles it, runs it on the
 * embedded devnet, sends SIGINT once 30 transactions are out, and collects what it printed.
 */
import { execFileSync, spawn } from "node:child_process"
import { mkdirSync, rmSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const packageRoot = resolve(here, "../../..")

/**
 * What the child did.
 *
 * @example
 * const { code, report } = await runSigintChild({ databasePath, tag: "group", group: true })
 */
export type SigintRun = {
  code: number | null
  stderr: string
  signalled: boolean
  devnetPids: number[]
  report:
    | {
        runId: string
        mismatches: number
        summary: {
          stopReason: string
          transactions: { sent: number; included: number; rejected: number; pending: number }
        }
      }
    | undefined
}

/**
 * Runs the child. `group: true` spawns it as the leader of its own process group and delivers
 * SIGINT to the whole group, as a terminal's Ctrl-C does; otherwise SIGINT goes to the child only.
 *
 * @example
 * const run = await runSigintChild({ databasePath: "/tmp/x/sigint.db", tag: "pid", group: false })
 */
export async function runSigintChild(parameters: {
  databasePath: string
  tag: string
  group: boolean
}): Promise<SigintRun> {
  // The bundle lives under the package's node_modules so its bare imports (ethers, kysely …) resolve.
  const bundleDirectory = join(
    packageRoot,
    "node_modules",
    ".cache",
    `runner-sigint-${parameters.tag}-${process.pid}`,
  )
  mkdirSync(bundleDirectory, { recursive: true })
  try {
    const bundle = join(bundleDirectory, "sigintChild.mjs")
    execFileSync(join(packageRoot, "node_modules", ".bin", "esbuild"), [
      join(here, "sigintChild.ts"),
      "--bundle",
      "--platform=node",
      "--format=esm",
      "--packages=external",
      "--log-level=warning",
      `--outfile=${bundle}`,
    ])
    const child = spawn(process.execPath, [bundle, parameters.databasePath], {
      stdio: ["ignore", "pipe", "pipe"],
      detached: parameters.group,
    })
    const pid = child.pid ?? 0
    const signal = (name: NodeJS.Signals) => {
      try {
        if (parameters.group) process.kill(-pid, name)
        else child.kill(name)
      } catch {
        // already gone
      }
    }
    let stderr = ""
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const run: SigintRun = { code: null, stderr: "", signalled: false, devnetPids: [], report: undefined }
    const exited = new Promise<number | null>((resolveExit) => child.on("exit", (code) => resolveExit(code)))
    const killer = setTimeout(() => signal("SIGKILL"), 45_000)
    try {
      for await (const text of createInterface({ input: child.stdout })) {
        const line = JSON.parse(text) as Record<string, unknown>
        if (line.type === "devnet") run.devnetPids = line.pids as number[]
        if (line.type === "report") run.report = line as unknown as SigintRun["report"]
        if (line.type === "snapshot" && !run.signalled && (line.sent as number) >= 30) {
          run.signalled = true
          signal("SIGINT")
        }
      }
      run.code = await exited
    } finally {
      clearTimeout(killer)
    }
    run.stderr = stderr
    return run
  } finally {
    rmSync(bundleDirectory, { recursive: true, force: true })
  }
}
