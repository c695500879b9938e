import { execFileSync, spawn } from "node:child_process"
import { EventEmitter } from "node:events"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { openDatabase } from "../database/openDatabase.js"
import { fundingTaskName } from "./funding.js"
import { installShutdownHandlers } from "./shutdown.js"

const here = dirname(fileURLToPath(import.meta.url))
const packageRoot = resolve(here, "../..")
const directory = mkdtempSync(join(tmpdir(), "runner-sigint-"))
// The bundle lives under the package's node_modules so its bare imports (ethers, kysely …) resolve.
const bundleDirectory = join(packageRoot, "node_modules", ".cache", `runner-sigint-${process.pid}`)
afterAll(() => {
  rmSync(directory, { recursive: true, force: true })
  rmSync(bundleDirectory, { recursive: true, force: true })
})

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe("installShutdownHandlers", () => {
  it("stops on the first signal, aborts on the second, and uninstalls", () => {
    const fakeProcess = new EventEmitter()
    const calls: string[] = []
    const uninstall = installShutdownHandlers(
      { stop: (reason) => calls.push(`stop:${reason}`), abort: (reason) => calls.push(`abort:${reason}`) },
      {
        processLike: fakeProcess as unknown as Pick<NodeJS.Process, "on" | "off">,
        onSecondSignal: (signal) => calls.push(`exit:${signal}`),
      },
    )
    fakeProcess.emit("SIGINT", "SIGINT")
    expect(calls).toEqual(["stop:SIGINT"])
    fakeProcess.emit("SIGTERM", "SIGTERM")
    expect(calls).toEqual(["stop:SIGINT", "abort:SIGTERM", "exit:SIGTERM"])
    uninstall()
    expect(fakeProcess.listenerCount("SIGINT")).toBe(0)
    expect(fakeProcess.listenerCount("SIGTERM")).toBe(0)
  })
})

describe("SIGINT during a run (child process)", () => {
  it("drains, records everything, exits 0 and leaves no anvil behind", async () => {
    mkdirSync(bundleDirectory, { recursive: true })
    const bundle = join(bundleDirectory, "sigintChild.mjs")
    execFileSync(join(packageRoot, "node_modules", ".bin", "esbuild"), [
      join(here, "testing", "sigintChild.ts"),
      "--bundle",
      "--platform=node",
      "--format=esm",
      "--packages=external",
      "--log-level=warning",
      `--outfile=${bundle}`,
    ])
    const databasePath = join(directory, "sigint.db")
    const child = spawn(process.execPath, [bundle, databasePath], { stdio: ["ignore", "pipe", "pipe"] })
    let stderr = ""
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const lines: Record<string, unknown>[] = []
    let devnetPids: number[] = []
    let signalled = false
    const exited = new Promise<number | null>((resolveExit) => child.on("exit", (code) => resolveExit(code)))
    const killer = setTimeout(() => child.kill("SIGKILL"), 45_000)
    for await (const text of createInterface({ input: child.stdout })) {
      const line = JSON.parse(text) as Record<string, unknown>
      lines.push(line)
      if (line.type === "devnet") devnetPids = line.pids as number[]
      if (line.type === "snapshot" && !signalled && (line.sent as number) >= 30) {
        signalled = true
        child.kill("SIGINT")
      }
    }
    const code = await exited
    clearTimeout(killer)
    expect(stderr).toBe("")
    expect(code).toBe(0)
    expect(signalled).toBe(true)
    expect(devnetPids.length).toBe(1)
    for (const pid of devnetPids) expect(isAlive(pid)).toBe(false)

    const report = lines.find((line) => line.type === "report") as
      | {
          runId: string
          mismatches: number
          summary: {
            stopReason: string
            transactions: { sent: number; included: number; rejected: number; pending: number }
          }
        }
      | undefined
    expect(report).toBeDefined()
    if (report === undefined) return
    expect(report.summary.stopReason).toBe("SIGINT")
    expect(report.summary.transactions.pending).toBe(0)
    expect(report.mismatches).toBe(0)

    const opened = await openDatabase({ url: databasePath })
    if (opened.isErr()) throw opened.error
    const database = opened.value
    try {
      const rows = await database.db
        .selectFrom("transactions")
        .select(["status", "task"])
        .where("run_id", "=", report.runId)
        .where("task", "!=", fundingTaskName)
        .execute()
      expect(rows.length).toBe(report.summary.transactions.sent + report.summary.transactions.rejected)
      expect(rows.filter((row) => row.status === "pending")).toEqual([])
      expect(rows.filter((row) => row.status === "included").length).toBe(
        report.summary.transactions.included,
      )
      const run = await database.db
        .selectFrom("runs")
        .select("status")
        .where("id", "=", report.runId)
        .executeTakeFirst()
      expect(run?.status).toBe("interrupted")
    } finally {
      await database.close()
    }
  }, 55_000)
})
