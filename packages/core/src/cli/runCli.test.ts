import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runTestCli } from "../testing/cli/cliHarness.js"

let directory = ""
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "cli-"))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

function lines(text: string): string[] {
  return text.split("\n").filter((line) => line.length > 0)
}

describe("runCli", () => {
  it("prints help with examples and exit codes (exit 0)", async () => {
    const result = await runTestCli(["--help"])
    expect(result.code).toBe(0)
    expect(result.exitCalls).toEqual([0])
    expect(result.stdout).toContain("Usage: testchain [options] [command]")
    expect(result.stdout).toContain("Examples:")
    expect(result.stdout).toContain("Exit codes: 0 ok, 1 runtime failure, 2 bad input")
    for (const command of ["start", "run", "sequence", "tasks", "wallets", "proxies", "db", "report"]) {
      expect(result.stdout).toMatch(new RegExp(`\\n  ${command}\\b`))
    }
  })

  it("prints the version", async () => {
    const result = await runTestCli(["--version"])
    expect(result).toMatchObject({ code: 0, stdout: "9.8.7\n", stderr: "" })
  })

  it("shows start's own help with examples", async () => {
    const result = await runTestCli(["start", "--help"])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("--rpc-url <url>")
    expect(result.stdout).toContain("--shard <index/count>")
    expect(result.stdout).toContain("$ testchain start --duration 60 --tps 20")
  })

  it("rejects an unknown flag with one line and exit 2", async () => {
    const result = await runTestCli(["start", "--tsp", "5"])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe("")
    expect(lines(result.stderr)[0]).toBe("error: unknown option '--tsp'")
    expect(result.stderr).toContain("Did you mean --tps?")
    expect(result.stderr).toContain("Run `testchain start --help` for usage.")
    expect(result.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/) // no stack trace
  })

  it("rejects an unknown command with a suggestion and exit 2", async () => {
    const result = await runTestCli(["strat"])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([
      "error: unknown command 'strat'",
      "  (Did you mean start?)",
      "  Run `testchain --help` for usage.",
    ])
  })

  it("rejects bad flag values: --tps abc, --shard 5/4, --shard x", async () => {
    const tps = await runTestCli(["start", "--tps", "abc"])
    expect(tps.code).toBe(2)
    expect(lines(tps.stderr)[0]).toBe(
      "error: option '--tps <n>' argument 'abc' is invalid. Must be a number > 0.",
    )
    const shard = await runTestCli(["start", "--shard", "5/4"])
    expect(shard.code).toBe(2)
    expect(lines(shard.stderr)[0]).toBe(
      "error: option '--shard <index/count>' argument '5/4' is invalid. INDEX must be between 1 and 4 (1-based).",
    )
    const malformed = await runTestCli(["start", "--shard", "x"])
    expect(malformed.code).toBe(2)
    expect(lines(malformed.stderr)[0]).toContain("Expected INDEX/COUNT, e.g. 1/4.")
  })

  it("reports a missing config file as one line, exit 2", async () => {
    const result = await runTestCli(["start", "--config", join(directory, "missing.toml")])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)[0]).toMatch(/^error: .*missing\.toml/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it("reports an invalid config value with its key path, exit 2", async () => {
    const file = join(directory, "bad.toml")
    await writeFile(file, "target_tps = -5\n")
    const result = await runTestCli(["start", "--config", file])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)[0]).toMatch(/^error: .*target_tps/)
  })

  it("reports an unknown task with the available names, exit 2", async () => {
    const result = await runTestCli(["run", "tranfser"])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([
      'error: Unknown task "tranfser".',
      '  Did you mean "transfer"?',
      "  Available tasks: transfer, deploy_counter, call_counter, overdraw",
    ])
    const sequence = await runTestCli(["sequence", "transfer,nope"])
    expect(sequence.code).toBe(2)
    expect(lines(sequence.stderr)[0]).toBe('error: Unknown task "nope".')
    const filter = await runTestCli(["start", "--tasks", "transfer,nope"])
    expect(filter.code).toBe(2)
    expect(lines(filter.stderr)[0]).toBe('error: Unknown task "nope".')
  })

  it("refuses report --run with --last (exit 2) before opening a database", async () => {
    const result = await runTestCli(["report", "--run", "r1", "--last"])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)[0]).toBe("error: --run and --last exclude each other.")
  })

  it("lists the task catalog with categories, weights and shares", async () => {
    const result = await runTestCli(["tasks"])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatchInlineSnapshot(`
      "task            category  weight  share  description
      --------------  --------  ------  -----  -----------------------------------------------
      transfer        native         6  60.0%  Sends 0 wei to itself.
      deploy_counter  contract       3  30.0%  Deploys a Counter.
      call_counter    contract       1  10.0%  Increments a Counter.
      overdraw        negative       0    off  Sends more than the balance. (expected to fail)
      "
    `)
    const json = await runTestCli(["tasks", "--json", "--weights", "transfer=0,call_counter=1"])
    const catalog = JSON.parse(json.stdout) as { name: string; weight: number; share: number }[]
    expect(catalog.find((task) => task.name === "transfer")).toMatchObject({ weight: 0, share: 0 })
    expect(catalog.find((task) => task.name === "deploy_counter")?.share).toBeCloseTo(0.75)
  })

  it("takes task weights from the environment (TESTNET_*)", async () => {
    const result = await runTestCli(["tasks", "--json"], {
      environment: { TESTNET_TASK_WEIGHTS: "call_counter=9" },
    })
    expect(result.code).toBe(0)
    const catalog = JSON.parse(result.stdout) as { name: string; weight: number }[]
    expect(catalog.find((task) => task.name === "call_counter")?.weight).toBe(9)
  })

  it("exits 2 with help on stderr when no command is given", async () => {
    const result = await runTestCli([])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("Usage: testchain")
  })
})
