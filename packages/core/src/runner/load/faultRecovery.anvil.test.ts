import { spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { startMethodFaultProxy } from "@testnet/test-helpers"
import { hexlify, Wallet } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parseConfig } from "../../config/parse.js"
import { openDatabase } from "../../database/openDatabase.js"
import { type Devnet, startDevnet } from "../../devnet/startDevnet.js"
import { createRpcClient } from "../../rpc/client.js"
import { getDevnetOptions } from "../../tasks/defineChain.js"
import { runTestCli } from "../../testing/cli/cliHarness.js"
import { testChain } from "../../testing/runner/testChain.js"
import { runLoad } from "./runLoad.js"

// Faults met where users meet them: a real anvil behind a real loopback proxy that injects one
// fault at a time (a JSON-RPC -32603 on a send, a hung request, a dead RPC), and a real SQLite file.

let devnet: Devnet
const directory = mkdtempSync(join(tmpdir(), "fault-recovery-"))
const workerKeys = Array.from({ length: 3 }, () => hexlify(randomBytes(32)))
let funderKey = ""

beforeAll(async () => {
  devnet = (await startDevnet(getDevnetOptions(testChain, { blockTimeSeconds: 1 }))).unwrap()
  funderKey = devnet.accounts[1]?.privateKey ?? ""
})
afterAll(async () => {
  await devnet?.stop()
  rmSync(directory, { recursive: true, force: true })
})

function configFor(rpcUrl: string, database: string, extra: Record<string, unknown> = {}) {
  return parseConfig({
    rpcUrls: [rpcUrl],
    targetTps: 4,
    workers: 3,
    wallets: { count: 3, sources: [{ kind: "environment", variable: "FAULT_TEST_KEYS" }] },
    database,
    funder: { key: funderKey },
    logLevel: "silent",
    tasks: ["self_transfer"],
    rpc: { maxOutageSeconds: 60, timeoutMs: 1500 },
    ...extra,
  }).unwrap()
}

const environment = { FAULT_TEST_KEYS: workerKeys.join(",") }

function collectingLogger(lines: string[]) {
  const log = (_object: object, message?: string) => {
    if (message !== undefined) lines.push(message)
  }
  return { debug: log, info: log, warn: log, error: log }
}

describe("startup resilience", () => {
  it("completes a run whose setup meets a -32603 on the funding send and a hung request", async () => {
    const proxy = await startMethodFaultProxy(devnet.rpcUrl)
    try {
      proxy.hangNext("eth_chainId")
      proxy.failNext("eth_sendRawTransaction")
      const lines: string[] = []
      const report = await runLoad({
        chain: testChain,
        config: configFor(proxy.url, join(directory, "setup.db"), { count: 4 }),
        environment,
        handleSignals: false,
        logger: collectingLogger(lines),
        fundingTarget: 10n ** 16n,
      })
      expect(proxy.injected).toEqual(["hang eth_chainId", "-32603 eth_sendRawTransaction"])
      const value = report.unwrap()
      expect(value.outage).toBeUndefined()
      expect(value.summary.tasksStarted).toBe(4)
      expect(lines).toContain("wallets funded")
      // Every wait beyond 5 s said what it waited for.
      const waited = lines.filter((line) => line.startsWith("waiting for "))
      for (const line of waited) expect(line).toMatch(/^waiting for .+: \d+ s$/)
    } finally {
      await proxy.close()
    }
  })
})

describe("dead RPC", () => {
  it("ends the run with exit 1, the summary and one line naming the endpoint within outage + grace", async () => {
    const proxy = await startMethodFaultProxy(devnet.rpcUrl)
    const toml = join(directory, "outage.toml")
    writeFileSync(
      toml,
      `[[wallets.sources]]\nkind = "environment"\nvariable = "FAULT_TEST_KEYS"\n[funder]\nkey = "${funderKey}"\n`,
    )
    try {
      const started = Date.now()
      // The RPC dies 6 s in (after setup and funding), for good.
      const timer = setTimeout(() => proxy.blackHole(), 6000)
      const result = await runTestCli(
        [
          "start",
          "--rpc-url",
          proxy.url,
          "--config",
          toml,
          "--db",
          join(directory, "outage.db"),
          "--duration",
          "120",
          "--tps",
          "4",
          "--wallets",
          "3",
          "--max-outage",
          "5",
          "--rpc-timeout",
          "1000",
          "--no-report",
          "--log-level",
          "silent",
          "--funding-target",
          "0.01",
        ],
        { environment },
      )
      clearTimeout(timer)
      const elapsedMs = Date.now() - started
      expect(result.code).toBe(1)
      // outage begins at 6 s; 5 s of silence; 5 s of drain; a few seconds of slack
      expect(elapsedMs).toBeLessThan(6000 + 5000 + 5000 + 8000)
      expect(result.stdout).toContain("Recorded as run")
      const errorLines = result.stderr.split("\n").filter((line) => line.startsWith("error:"))
      expect(errorLines).toHaveLength(1)
      expect(errorLines[0]).toMatch(
        new RegExp(`^error: No RPC endpoint answered for \\d+ s: ${proxy.url.replaceAll(".", "\\.")}\\.$`),
      )
    } finally {
      await proxy.close()
    }
  }, 60_000)

  it("fails fast at startup against a black-hole RPC, within the outage window", async () => {
    const proxy = await startMethodFaultProxy(devnet.rpcUrl)
    proxy.blackHole()
    const lines: string[] = []
    try {
      const started = Date.now()
      const report = await runLoad({
        chain: testChain,
        config: configFor(proxy.url, join(directory, "blackhole.db"), {
          count: 1,
          rpc: { maxOutageSeconds: 6, timeoutMs: 10_000 },
        }),
        environment,
        handleSignals: false,
        logger: collectingLogger(lines),
      })
      const elapsedMs = Date.now() - started
      expect(report.isErr() && report.error.code).toBe("RUNNER_RPC_OUTAGE")
      expect(elapsedMs).toBeLessThan(6000 + 2000)
      expect(lines.some((line) => /^waiting for the chain id from .*: 5 s$/.test(line))).toBe(true)
      // Nothing was written: the database is opened only after the RPC answered.
      expect(existsSync(join(directory, "blackhole.db"))).toBe(false)
    } finally {
      await proxy.close()
    }
  })
})

describe("crash recovery", () => {
  it("reconciles rows a killed run left pending with the chain and closes the run as crashed", async () => {
    const rpc = createRpcClient({ endpoints: [devnet.rpcUrl] })
    const database = join(directory, "crash.db")
    const sender = new Wallet(devnet.accounts[0]?.privateKey ?? "")
    try {
      const gasPrice = BigInt((await rpc.request<string>("eth_gasPrice", [])).unwrap()) * 2n
      const nonce = Number(
        BigInt((await rpc.request<string>("eth_getTransactionCount", [sender.address, "pending"])).unwrap()),
      )
      const sign = (at: number, value: bigint) =>
        sender.signTransaction({
          to: sender.address,
          value,
          nonce: at,
          gasPrice,
          gasLimit: 21_000n,
          chainId: 31337,
        })
      // Mined: sent for real. Replaced: same nonce as a mined one, never sent. Dropped: a far nonce, never sent.
      const minedRaw = [await sign(nonce, 1n), await sign(nonce + 1, 2n)]
      const replacedRaw = await sign(nonce, 99n)
      const droppedRaw = await sign(nonce + 50, 3n)
      const hashes = []
      for (const raw of minedRaw)
        hashes.push((await rpc.request<string>("eth_sendRawTransaction", [raw])).unwrap())
      for (let attempt = 0; attempt < 50; attempt++) {
        const receipt = await rpc.request("eth_getTransactionReceipt", [hashes[1]])
        if (receipt.isOk() && receipt.value !== null) break
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      const { keccak256 } = await import("ethers")
      const rows = [
        { hash: hashes[0] ?? "", nonce: nonce },
        { hash: hashes[1] ?? "", nonce: nonce + 1 },
        { hash: keccak256(replacedRaw), nonce: nonce },
        { hash: keccak256(droppedRaw), nonce: nonce + 50 },
      ]
      // The crashed process: a run left running by a process that no longer exists.
      const deadPid = spawnSync(process.execPath, ["-e", ""]).pid
      const seeded = (await openDatabase({ url: database })).unwrap()
      await seeded.db
        .insertInto("runs")
        .values({
          id: "crashed-run",
          chain: testChain.name,
          chain_id: 31337,
          host: (await import("node:os")).hostname(),
          shard: null,
          started_at: Date.now() - 60_000,
          ended_at: null,
          status: "running",
          config: "{}",
          tool_version: "test",
          pid: deadPid,
          heartbeat_at: Date.now() - 30_000,
        })
        .execute()
      await seeded.db
        .insertInto("transactions")
        .values(
          rows.map((row) => ({
            hash: row.hash,
            run_id: "crashed-run",
            chain_id: 31337,
            wallet: sender.address,
            nonce_key: "0",
            nonce: String(row.nonce),
            task: "self_transfer",
            sent_at: Date.now() - 50_000,
            included_block: null,
            included_at: null,
            gas_used: null,
            effective_gas_price: null,
            fee_token: null,
            status: "pending" as const,
            error_code: null,
          })),
        )
        .execute()
      await seeded.close()

      const report = (
        await runLoad({
          chain: testChain,
          config: configFor(devnet.rpcUrl, database, { count: 2 }),
          environment,
          handleSignals: false,
          fundingTarget: 10n ** 16n,
        })
      ).unwrap()
      expect(report.recovery).toEqual({
        crashedRuns: 1,
        reconciled: 4,
        included: 2,
        failed: 0,
        dropped: 1,
        replaced: 1,
        stillPending: 0,
      })
      const reopened = (await openDatabase({ url: database })).unwrap()
      try {
        const run = await reopened.db
          .selectFrom("runs")
          .select(["status", "ended_at"])
          .where("id", "=", "crashed-run")
          .executeTakeFirstOrThrow()
        expect(run.status).toBe("crashed")
        expect(run.ended_at).not.toBeNull()
        const statuses = await reopened.db
          .selectFrom("transactions")
          .select(["hash", "status", "included_block"])
          .where("run_id", "=", "crashed-run")
          .execute()
        const byHash = new Map(statuses.map((row) => [row.hash, row]))
        expect(byHash.get(rows[0]?.hash ?? "")?.status).toBe("included")
        expect(byHash.get(rows[0]?.hash ?? "")?.included_block).not.toBeNull()
        expect(byHash.get(rows[1]?.hash ?? "")?.status).toBe("included")
        expect(byHash.get(rows[2]?.hash ?? "")?.status).toBe("replaced")
        expect(byHash.get(rows[3]?.hash ?? "")?.status).toBe("dropped")
        // The restarted run itself completed and was closed normally.
        const latest = await reopened.db
          .selectFrom("runs")
          .select("status")
          .where("id", "=", report.runId)
          .executeTakeFirstOrThrow()
        expect(latest.status).toBe("completed")
      } finally {
        await reopened.close()
      }
    } finally {
      await rpc.close()
    }
  })
})
