import { existsSync } from "node:fs"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type FaultyRpcServer, startFaultyRpcServer } from "@testnet/test-helpers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { getRunningDevnetPids } from "../devnet/processRegistry.js"
import { runTestCli } from "../testing/cli/cliHarness.js"

// Every bad input: exactly one `error:` line (hints below it are indented), exit 2, nothing on
// stdout, no stack trace, and nothing started (no devnet, no RPC traffic: the URLs lead nowhere).

let directory = ""
let configFile = ""
/** Two real keys (anvil's first accounts, public test keys). */
let twoKeysConfig = ""
let regularFile = ""
/** Answers eth_chainId with 31337 and records every request. */
let rpc: FaultyRpcServer
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "cli-bad-input-"))
  configFile = join(directory, "testnet.toml")
  await writeFile(
    configFile,
    '[[wallets.sources]]\nkind = "keys-file"\npath = "keys-that-do-not-exist.txt"\n',
  )
  const keys = join(directory, "keys.txt")
  await writeFile(
    keys,
    "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80\n0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d\n",
  )
  twoKeysConfig = join(directory, "two-keys.toml")
  await writeFile(twoKeysConfig, `[[wallets.sources]]\nkind = "keys-file"\npath = "${keys}"\n`)
  regularFile = join(directory, "plain-file")
  await writeFile(regularFile, "not a directory\n")
  rpc = await startFaultyRpcServer()
})
afterAll(async () => {
  await rpc.close()
  await rm(directory, { recursive: true, force: true })
})

const cases: { name: string; argv: () => string[]; first: string | (() => string) }[] = [
  {
    name: "--shard 3/2",
    argv: () => ["start", "--shard", "3/2"],
    first:
      "error: option '--shard <index/count>' argument '3/2' is invalid. INDEX must be between 1 and 2 (1-based).",
  },
  {
    name: "--shard 0/0",
    argv: () => ["start", "--shard", "0/0"],
    first: "error: option '--shard <index/count>' argument '0/0' is invalid. COUNT must be >= 1.",
  },
  {
    name: "--shard 1/-2",
    argv: () => ["start", "--shard", "1/-2"],
    first:
      "error: option '--shard <index/count>' argument '1/-2' is invalid. Expected INDEX/COUNT, e.g. 1/4.",
  },
  {
    name: "--tps abc",
    argv: () => ["start", "--tps", "abc"],
    first: "error: option '--tps <n>' argument 'abc' is invalid. Must be a number > 0.",
  },
  {
    name: "--tps -5",
    argv: () => ["start", "--tps", "-5"],
    first: "error: option '--tps <n>' argument '-5' is invalid. Must be a number > 0.",
  },
  {
    name: "--metrics-port 70000",
    argv: () => ["start", "--metrics-port", "70000"],
    first:
      "error: option '--metrics-port <port>' argument '70000' is invalid. Must be a port number 0-65535.",
  },
  { name: "unknown task (run)", argv: () => ["run", "nope"], first: 'error: Unknown task "nope".' },
  {
    name: "unknown task (--tasks)",
    argv: () => ["start", "--tasks", "nope", "--db", ":memory:"],
    first: 'error: Unknown task "nope".',
  },
  {
    name: "more shards than wallets",
    argv: () => ["start", "--shard", "2/5", "--wallets", "4", "--db", ":memory:"],
    first: 'error: Invalid --shard "2/5": 4 wallet(s) cannot be split between 5 shards.',
  },
  {
    name: "--sync-send on a chain without it",
    argv: () => ["start", "--sync-send", "--db", ":memory:"],
    first: "error: --sync-send: Test chain does not offer eth_sendRawTransactionSync.",
  },
  {
    name: "--funding-target with too many decimals",
    argv: () => ["start", "--funding-target", "0.0000000000000000001", "--db", ":memory:"],
    first: 'error: Invalid --funding-target "0.0000000000000000001": ETH has 18 decimals.',
  },
  {
    name: "wallets fund without a funder",
    argv: () => ["wallets", "fund", "--rpc-url", "http://127.0.0.1:9", "--config", configFile],
    first: "error: `testchain wallets fund` needs a funder and none is configured.",
  },
  {
    name: "--duration 1e30",
    argv: () => ["start", "--duration", "1e30", "--db", ":memory:"],
    first:
      "error: Invalid value for durationSeconds (from the command-line flags): must be at most 2592000 (30 days) (got 1e+30).",
  },
  {
    name: "--wallets 1000000 (above any run)",
    argv: () => ["start", "--wallets", "1000000", "--db", ":memory:"],
    first:
      "error: Invalid value for wallets.count (from the command-line flags): must be at most 100000 (got 1000000).",
  },
  {
    name: "--wallets above the wallet sources' size",
    argv: () => [
      "start",
      "--wallets",
      "5",
      "--rpc-url",
      "http://127.0.0.1:9",
      "--config",
      twoKeysConfig,
      "--db",
      ":memory:",
    ],
    first: "error: 5 wallets were asked for, but the configured wallet sources hold 2.",
  },
  {
    name: "--db in a directory that does not exist",
    argv: () => ["start", "--db", join(directory, "no", "such", "dir", "x.db")],
    first: () =>
      `error: Cannot use the database path ${join(directory, "no", "such", "dir", "x.db")}: its directory ${join(directory, "no", "such", "dir")} does not exist.`,
  },
  {
    name: "--db under a regular file",
    argv: () => ["start", "--db", join(regularFile, "x.db")],
    first: () =>
      `error: Cannot use the database path ${join(regularFile, "x.db")}: ${regularFile} is a file, not a directory.`,
  },
  {
    name: "--max-outage 0",
    argv: () => ["start", "--max-outage", "0"],
    first: "error: option '--max-outage <seconds>' argument '0' is invalid. Must be a number > 0.",
  },
  {
    name: "--rpc-timeout 5 (below 100 ms)",
    argv: () => ["start", "--rpc-timeout", "5", "--db", ":memory:"],
    first:
      "error: Invalid value for rpc.timeoutMs (from the command-line flags): must be at least 100 (got 5).",
  },
  {
    name: "start --campaign with a space",
    argv: () => ["start", "--campaign", "soak 1"],
    first:
      "error: option '--campaign <name>' argument 'soak 1' is invalid. Expected 1 to 200 letters, digits, '.', '_', ':' or '-', starting with a letter or digit.",
  },
  {
    name: "report --campaign with --run",
    argv: () => ["report", "--campaign", "soak-1", "--run", "r1", "--db", join(directory, "no", "r.db")],
    first: "error: --campaign reports every shard of a campaign: it excludes --run, --last and --compare.",
  },
  {
    name: "db stats --campaign with --run",
    argv: () => ["db", "stats", "--campaign", "soak-1", "--run", "r1", "--db", ":memory:"],
    first: "error: --run and --campaign exclude each other.",
  },
  {
    name: "wallets fund --shard 0/3",
    argv: () => ["wallets", "fund", "--shard", "0/3"],
    first:
      "error: option '--shard <index/count>' argument '0/3' is invalid. INDEX must be between 1 and 3 (1-based).",
  },
]

describe("bad input: one line, exit 2, no stack trace", () => {
  it.each(cases)("$name", async ({ argv, first }) => {
    const result = await runTestCli(argv())
    expect(result.code).toBe(2)
    expect(result.exitCalls).toEqual([2])
    expect(result.stdout).toBe("")
    const lines = result.stderr.split("\n").filter((line) => line !== "")
    expect(lines[0]).toBe(typeof first === "function" ? first() : first)
    // one error line; anything after it is an indented hint
    expect(lines.slice(1).every((line) => line.startsWith("  "))).toBe(true)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(getRunningDevnetPids()).toEqual([])
    expect(existsSync(join(directory, "no"))).toBe(false)
  })

  it("a chain id mismatch names the served id and the fix, and writes nothing", async () => {
    const database = join(directory, "mismatch.db")
    const result = await runTestCli([
      "start",
      "--rpc-url",
      rpc.url,
      "--chain-id",
      "5",
      "--wallets",
      "2",
      "--config",
      twoKeysConfig,
      "--db",
      database,
    ])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe("")
    expect(result.stderr).toBe(
      `error: The RPC serves chain id 31337, the configuration expects 5.\n  The RPC at ${rpc.url} serves chain id 31337; pass --chain-id 31337 or point --rpc-url at the right network.\n`,
    )
    expect(existsSync(database)).toBe(false)
  })
})
