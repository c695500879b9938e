import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { getRunningDevnetPids } from "../devnet/processRegistry.js"
import { runTestCli } from "./testing/cliHarness.js"

// Every bad input: exactly one `error:` line (hints below it are indented), exit 2, nothing on
// stdout, no stack trace, and nothing started (no devnet, no RPC traffic: the URLs lead nowhere).

let directory = ""
let configFile = ""
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "cli-bad-input-"))
  configFile = join(directory, "testnet.toml")
  await writeFile(
    configFile,
    '[[wallets.sources]]\nkind = "keys-file"\npath = "keys-that-do-not-exist.txt"\n',
  )
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

const cases: { name: string; argv: () => string[]; first: string }[] = [
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
    expect(lines[0]).toBe(first)
    // one error line; anything after it is an indented hint
    expect(lines.slice(1).every((line) => line.startsWith("  "))).toBe(true)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(getRunningDevnetPids()).toEqual([])
  })
})
