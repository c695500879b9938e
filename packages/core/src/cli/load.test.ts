import { mkdtemp, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { getRunningDevnetPids } from "../devnet/processRegistry.js"
import { runTestCli } from "../testing/cli/cliHarness.js"
import { testChain } from "../testing/runner/testChain.js"

// Real runs through the CLI: embedded anvil, SQLite file, the runner. Short and bounded.

let directory = ""
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "cli-load-"))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

describe("start / run / sequence on the embedded devnet", () => {
  it("start runs the load and prints the per-task summary", async () => {
    const database = join(directory, "start.db")
    const result = await runTestCli(
      [
        "start",
        "--duration",
        "3",
        "--tps",
        "8",
        "--wallets",
        "4",
        "--workers",
        "4",
        "--seed",
        "1",
        "--db",
        database,
        "--block-time",
        "0.5",
        "--log-level",
        "silent",
        "--report-dir",
        join(directory, "reports"),
        "--metrics-port",
        "0",
      ],
      { chain: testChain },
    )
    expect(result.stderr).not.toContain("error:")
    expect(result.stderr).not.toContain("warning:")
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Run finished \(/)
    expect(result.stderr).toMatch(/^Metrics: http:\/\/127\.0\.0\.1:\d+\/metrics$/m)
    // The end-of-run report, written while the devnet was still up.
    const reportPath = /\nReport: (.+\.html)\n$/.exec(result.stdout)?.[1] ?? ""
    expect(reportPath.startsWith(join(directory, "reports", "runnertest-"))).toBe(true)
    expect(await readFile(reportPath, "utf8")).toMatch(/^<!doctype html>/i)
    expect(result.stdout).toMatch(/\ntask\s+runs\s+ok\s+p50/)
    expect(result.stdout).toContain("self_transfer")
    expect(result.stdout).toContain(`in ${database}.`)
    // progress went to stderr as JSON lines (not a TTY)
    const progress = result.stderr
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { type: string })
    expect(progress.length).toBeGreaterThan(0)
    expect(progress[0]?.type).toBe("progress")
    expect(getRunningDevnetPids()).toEqual([])

    const stats = await runTestCli(["db", "stats", "--db", database], { chain: testChain })
    expect(stats.code).toBe(0)
    expect(stats.stdout).toMatch(/^Run [0-9a-z-]+: runnertest \(chain id \d+\), completed/)
    expect(stats.stdout).toContain("(total)")
  })

  it("run executes one task once, as JSON", async () => {
    const result = await runTestCli(
      ["run", "deploy_counter", "--json", "--db", ":memory:", "--block-time", "0.5", "--log-level", "silent"],
      { chain: testChain },
    )
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split("\n")
    const summary = JSON.parse(lines.at(-1) ?? "") as {
      type: string
      tasksStarted: number
      tasks: Record<string, { count: number; success: number }>
    }
    expect(summary.type).toBe("summary")
    expect(summary.tasksStarted).toBe(1)
    expect(summary.tasks.deploy_counter).toMatchObject({ count: 1, success: 1 })
  })

  it("sequence runs the tasks in order with one wallet", async () => {
    const result = await runTestCli(
      [
        "sequence",
        "self_transfer,deploy_counter",
        "--json",
        "--db",
        ":memory:",
        "--block-time",
        "0.5",
        "--log-level",
        "silent",
      ],
      { chain: testChain },
    )
    expect(result.stderr).not.toContain("error:")
    expect(result.code).toBe(0)
    const summary = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "") as {
      tasks: Record<string, { count: number; success: number; transactions: { included: number } }>
    }
    expect(summary.tasks.sequence).toMatchObject({ count: 1, success: 1 })
    expect(summary.tasks.sequence?.transactions.included).toBe(2)
    // One row per step: task, wallet, hashes, created contracts, outcome.
    const stepsLine = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; steps?: unknown })
      .find((line) => line.type === "steps") as {
      steps: { task: string; wallet: string; transactions: string[]; contracts: string[]; outcome: string }[]
    }
    expect(stepsLine.steps.map((step) => [step.task, step.outcome])).toEqual([
      ["self_transfer", "ok"],
      ["deploy_counter", "ok"],
    ])
    expect(stepsLine.steps[0]?.wallet).toBe(stepsLine.steps[1]?.wallet)
    for (const step of stepsLine.steps) expect(step.transactions[0]).toMatch(/^0x[0-9a-f]{64}$/)
    expect(stepsLine.steps[1]?.contracts[0]).toMatch(/^0x[0-9a-fA-F]{40}$/)
  })

  it("on a terminal: pretty logs and a live block on stderr, the table on stdout", async () => {
    const result = await runTestCli(
      ["run", "self_transfer", "--db", ":memory:", "--block-time", "0.5", "--log-level", "info"],
      { chain: testChain, tty: true },
    )
    expect(result.code).toBe(0)
    expect(result.stderr).toContain("embedded devnet started")
    expect(result.stderr).not.toMatch(/^\{/m) // no JSON lines on a terminal
    expect(result.stdout).toContain("self_transfer")
    expect(result.stdout).toMatch(
      /Steps:\n {2}1\. self_transfer {2}ok {2}wallet 0x[0-9a-fA-F]{40}\n {5}tx 0x[0-9a-f]{64}/,
    )
    // The seed is printed (and stored), so the run can be replayed.
    expect(result.stdout).toMatch(/\nSeed: \d+ \(replay with --seed \d+\)\.\n/)
  })
})
