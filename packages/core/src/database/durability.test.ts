import { execFileSync, spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import Database from "better-sqlite3"
import { afterAll, describe, expect, it } from "vitest"

const here = dirname(fileURLToPath(import.meta.url))
const packageRoot = join(here, "..", "..")
const directory = mkdtempSync(join(tmpdir(), "testnet-durability-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe("journal durability (ADR 0004)", () => {
  it("keeps every transaction that was broadcast when the process is killed with SIGKILL", async () => {
    // Bundle the child with esbuild (shipped with tsup) next to node_modules so its imports resolve.
    const bundleDirectory = join(packageRoot, "node_modules", ".cache", "testnet-database-tests")
    mkdirSync(bundleDirectory, { recursive: true })
    const bundle = join(bundleDirectory, `journalingChild-${process.pid}.mjs`)
    execFileSync(join(packageRoot, "node_modules", ".bin", "esbuild"), [
      join(here, "..", "testing", "database", "journalingChild.ts"),
      "--bundle",
      "--platform=node",
      "--format=esm",
      "--packages=external",
      `--outfile=${bundle}`,
      "--log-level=warning",
    ])
    const path = join(directory, "killed.db")
    const child = spawn(process.execPath, [bundle, path], { stdio: ["ignore", "pipe", "inherit"] })
    const broadcast: string[] = []
    let buffered = ""
    try {
      await new Promise<void>((resolve, reject) => {
        child.once("exit", (code) => reject(new Error(`child exited early with ${code}`)))
        child.stdout?.on("data", (chunk: Buffer) => {
          buffered += chunk.toString()
          const lines = buffered.split("\n")
          buffered = lines.pop() ?? ""
          broadcast.push(...lines)
          if (broadcast.length >= 5000 && child.pid !== undefined) {
            process.kill(child.pid, "SIGKILL") // mid-stream: more batches are being committed
            resolve()
          }
        })
      })
      await new Promise((resolve) => child.once("exit", resolve))
    } finally {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        process.kill(child.pid, "SIGKILL")
      }
      rmSync(bundle, { force: true })
    }
    expect(child.signalCode).toBe("SIGKILL")

    const reader = new Database(path, { readonly: true })
    const stored = new Set(
      (reader.prepare("SELECT hash FROM transactions").all() as { hash: string }[]).map((row) => row.hash),
    )
    reader.close()
    const missing = broadcast.filter((hash) => !stored.has(hash))
    expect(broadcast.length).toBeGreaterThanOrEqual(5000)
    expect(missing).toEqual([])
  })
})
