import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  type DatabaseManager,
  openDatabase,
  startTestPostgres,
  type TestPostgres,
} from "@testnet/core/testing"
import {
  auditJournal,
  createJsonRpcCaller,
  type Journal,
  type LaggingPendingFront,
  startLaggingPendingFront,
} from "@testnet/test-helpers"
import { Wallet } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AnvilProcess, startAnvil } from "./anvilProcess.js"
import { anvilDevKey } from "./devAccounts.js"
import { type CliOutcome, killStartedClis, startChainCli } from "./tempoCli.js"

// Issue #20's done-when: a Kubernetes Indexed Job's four pods, as four processes of the real CLI
// started at once with JOB_COMPLETION_INDEX 0..3 and `--shard auto`, against one chain and one
// PostgreSQL, all funding their derived wallets from ONE funder key. The funding lock must make
// that race-free (no nonce conflict, every funding transaction mined), the shards must join one
// campaign, and the merged campaign report must agree with the shards and with the chain. The CLIs
// reach the chain through a front whose pending nonce lags (a load-balanced public RPC): without
// the lock, shards read the same funder nonce and collide (checked by running it without).

const shardCount = 4
const chainId = 11155931
const funderKey = anvilDevKey(6)
const funder = new Wallet(funderKey).address.toLowerCase()

let anvil: AnvilProcess | undefined
let postgres: TestPostgres | undefined
let front: LaggingPendingFront | undefined
let directory = ""

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "fault-suite-campaign-"))
  ;[anvil, postgres] = await Promise.all([startAnvil({ chainId, network: "ethereum" }), startTestPostgres()])
  front = await startLaggingPendingFront(anvil.url)
}, 60_000)

afterAll(async () => {
  killStartedClis()
  await front?.close()
  await anvil?.stop()
  await postgres?.stop()
  if (directory !== "") rmSync(directory, { recursive: true, force: true })
})

type Summary = {
  campaign?: string
  shard?: string
  runId: string
  tasks: Record<string, { count: number; success: number }>
  transactions: { pending: number }
}

function summaryOf(outcome: CliOutcome): Summary {
  const line = outcome.stdout.split("\n").find((text) => text.startsWith('{"type":"summary"'))
  if (line === undefined)
    throw new Error(`no summary line in:\n${outcome.stdout.slice(-2000)}\n${outcome.stderr}`)
  return JSON.parse(line) as Summary
}

type Block = { transactions: { hash: string; from: string }[] }

async function readJournal(database: DatabaseManager, runIds: readonly string[]): Promise<Journal> {
  const runs = await database.db
    .selectFrom("runs")
    .select(["id", "status", "started_at", "ended_at"])
    .where("id", "in", runIds)
    .execute()
  const transactions = await database.db
    .selectFrom("transactions")
    .select([
      "hash",
      "run_id",
      "wallet",
      "nonce_key",
      "nonce",
      "task",
      "status",
      "included_block",
      "error_code",
    ])
    .where("run_id", "in", runIds)
    .execute()
  return { runs, transactions }
}

describe("a campaign of four shard processes with one funder key", () => {
  it("funds without nonce conflicts, runs every shard's tasks, and merges into one report the chain agrees with", async () => {
    if (anvil === undefined || postgres === undefined || front === undefined)
      throw new Error("anvil, PostgreSQL or the front did not start")
    const url = await postgres.createDatabase("campaign")
    const rpcUrl = anvil.url
    const cliRpcUrl = front.url
    const cli = (argv: readonly string[], environment: Record<string, string> = {}) =>
      startChainCli({
        chain: "risechain",
        argv,
        environment: { TESTNET_FUNDER_KEY: funderKey, ...environment },
        cwd: directory,
        deadlineMs: 75_000,
      }).done

    // All four at once, as the Job's pods: same flags, only the completion index differs.
    const outcomes = await Promise.all(
      Array.from({ length: shardCount }, (_, index) =>
        cli(
          [
            "start",
            "--rpc-url",
            cliRpcUrl,
            "--db",
            url,
            "--shard",
            "auto",
            "--wallets",
            "8",
            "--tasks",
            "self_transfer,transfer_to_random",
            "--count",
            "10",
            "--tps",
            "5",
            "--no-report",
            "--json",
          ],
          { JOB_COMPLETION_INDEX: String(index), TESTNET_SHARD_COUNT: String(shardCount) },
        ),
      ),
    )
    for (const outcome of outcomes) {
      expect(outcome.exitCode, outcome.stderr.slice(-3000)).toBe(0)
      // No funding (nor task) send lost a nonce race.
      expect(outcome.stderr).not.toMatch(
        /nonce too low|NONCE_TOO_LOW|replacement transaction underpriced|REPLACEMENT/i,
      )
    }
    expect(front.rewritten).toBeGreaterThanOrEqual(shardCount)
    const summaries = outcomes.map(summaryOf)
    expect(summaries.map((summary) => summary.shard).sort()).toEqual(["1/4", "2/4", "3/4", "4/4"])
    const campaign = summaries[0]?.campaign ?? ""
    expect(campaign).toMatch(/^risechain-[0-9a-f]{12}-\d{8}T\d{6}Z$/)
    for (const summary of summaries) {
      expect(summary.campaign).toBe(campaign)
      const tasks = Object.values(summary.tasks)
      expect(tasks.reduce((sum, task) => sum + task.count, 0)).toBe(10)
      expect(tasks.reduce((sum, task) => sum + task.success, 0)).toBe(10)
      expect(summary.transactions.pending).toBe(0)
    }

    const database = (await openDatabase({ url })).unwrap()
    try {
      const runIds = summaries.map((summary) => summary.runId)
      const journal = await readJournal(database, runIds)
      const funding = journal.transactions.filter((row) => row.task === "_funding")
      // Every shard funded its own wallets from the one key: every funding transaction was mined,
      // none failed or was replaced, and their nonces are distinct.
      expect(new Set(funding.map((row) => row.run_id)).size).toBe(shardCount)
      expect(funding.every((row) => row.status === "included" && row.error_code === null)).toBe(true)
      const funderNonces = funding
        .filter((row) => row.wallet.toLowerCase() === funder)
        .map((row) => row.nonce)
      expect(new Set(funderNonces).size).toBe(funderNonces.length)

      // The merged report: totals are the sums of the shards' and agree with the chain.
      const reported = await cli(["report", "--campaign", campaign, "--db", url, "--json", "--out", "-"])
      expect(reported.exitCode, reported.stderr).toBe(0)
      const report = JSON.parse(reported.stdout) as {
        primary: {
          totals: { sent: number; included: number; funding: number; tasks: number; taskSuccesses: number }
          tasks: { task: string; count: number }[]
          throughput: { sentTps: number[] }
          campaign: {
            id: string
            shards: {
              shard: string
              totals: { sent: number; included: number; funding: number; tasks: number }
            }[]
          }
        }
      }
      const { totals, campaign: merged } = report.primary
      expect(merged.id).toBe(campaign)
      expect(merged.shards.map((shard) => shard.shard)).toEqual(["1/4", "2/4", "3/4", "4/4"])
      const sum = (pick: (shard: (typeof merged.shards)[number]) => number) =>
        merged.shards.reduce((total, shard) => total + pick(shard), 0)
      expect(totals.sent).toBe(sum((shard) => shard.totals.sent))
      expect(totals.included).toBe(sum((shard) => shard.totals.included))
      expect(totals.funding).toBe(sum((shard) => shard.totals.funding))
      expect(totals.tasks).toBe(shardCount * 10)
      expect(totals.taskSuccesses).toBe(shardCount * 10)
      expect(report.primary.tasks.reduce((total, task) => total + task.count, 0)).toBe(shardCount * 10)
      expect(report.primary.throughput.sentTps.length).toBeGreaterThan(0)

      // The chain's own count: every transaction the funder and the workers sent, from the blocks.
      const workers = new Set(
        journal.transactions.filter((row) => row.task !== "_funding").map((row) => row.wallet.toLowerCase()),
      )
      expect(workers.size).toBe(8)
      const senders = new Set([funder, ...workers])
      const node = createJsonRpcCaller(rpcUrl)
      const latest = Number(BigInt(await node.call<string>("eth_blockNumber", [])))
      let onChain = 0
      for (let number = 0; number <= latest; number++) {
        const block = await node.call<Block>("eth_getBlockByNumber", [`0x${number.toString(16)}`, true])
        onChain += block.transactions.filter((transaction) =>
          senders.has(transaction.from.toLowerCase()),
        ).length
      }
      expect(totals.included + totals.funding).toBe(onChain)
      expect(totals.sent).toBe(totals.included)

      // db stats agrees with the report.
      const stats = await cli(["db", "stats", "--campaign", campaign, "--db", url, "--json"])
      expect(stats.exitCode, stats.stderr).toBe(0)
      const statistics = JSON.parse(stats.stdout) as {
        totals: { count: number; transactions: number }
        shards: unknown[]
      }
      expect(statistics.shards).toHaveLength(shardCount)
      expect(statistics.totals.count).toBe(shardCount * 10)
      expect(statistics.totals.transactions).toBe(totals.sent + totals.funding)

      // Journal vs chain: nothing missing, nothing pending, no gap, for every shard's run.
      const problems = await auditJournal({ journal, wallets: [...senders], rpcUrl })
      expect(problems.map((problem) => problem.message)).toEqual([])
    } finally {
      await database.close()
    }
  }, 90_000)
})
