import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { hostname, tmpdir } from "node:os"
import { join } from "node:path"
import { hexlify, randomBytes } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openDatabase } from "../database/openDatabase.js"
import { getDevAccounts } from "../devnet/devAccounts.js"
import { type Devnet, startDevnet } from "../devnet/startDevnet.js"
import { fundingTaskName } from "../funding/fundWallets.js"
import { runTestCli } from "../testing/cli/cliHarness.js"
import { startTestPostgres, type TestPostgres } from "../testing/database/postgresServer.js"
import { testChain } from "../testing/runner/testChain.js"
import { createWallet } from "../wallet/wallet.js"

// Two machines' worth of `start --shard` over one keys file, one after the other against one devnet
// and one PostgreSQL database: each shard drives only its own wallets, each run row says which shard
// it was, and both join the campaign derived from their common plan.

let directory = ""
let devnet: Devnet | undefined
let postgres: TestPostgres | undefined
const keys = Array.from({ length: 6 }, () => hexlify(randomBytes(32)))
const addresses = keys.map((key) => createWallet(key).unwrap().address)

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "cli-shard-"))
  devnet = (await startDevnet({ chainId: testChain.chainId, blockTimeSeconds: 0.5, accounts: 1 })).unwrap()
  postgres = await startTestPostgres()
}, 60_000)
afterAll(async () => {
  await devnet?.stop()
  await postgres?.stop()
  await rm(directory, { recursive: true, force: true })
})

describe("start --shard INDEX/COUNT and --shard auto", () => {
  it("gives two shards disjoint wallets of the same keys file and tags their runs", async () => {
    const keysFile = join(directory, "keys.txt")
    await writeFile(keysFile, `${keys.join("\n")}\n`)
    const configFile = join(directory, "testnet.toml")
    await writeFile(
      configFile,
      `[[wallets.sources]]\nkind = "keys-file"\npath = ${JSON.stringify(keysFile)}\n`,
    )
    const database = (await postgres?.createDatabase("cli_shard")) ?? ""
    const [funder] = getDevAccounts(1)
    const environment = { TESTNET_FUNDER_KEY: funder?.privateKey }
    // The second machine is a Kubernetes Indexed Job's pod 1 of 2: `--shard auto` must make it 2/2.
    const machines = [
      { flag: "1/2", shard: "1/2", pod: {} },
      { flag: "auto", shard: "2/2", pod: { JOB_COMPLETION_INDEX: "1", TESTNET_SHARD_COUNT: "2" } },
    ]
    for (const { flag, shard, pod } of machines) {
      const result = await runTestCli(
        [
          "start",
          "--config",
          configFile,
          "--rpc-url",
          devnet?.rpcUrl ?? "",
          "--shard",
          flag,
          "--wallets",
          "6",
          "--tasks",
          "self_transfer",
          "--count",
          "6",
          "--tps",
          "6",
          "--db",
          database,
          "--log-level",
          "silent",
          "--no-report",
        ],
        { chain: testChain, environment: { ...environment, ...pod } },
      )
      expect(result.stderr).not.toContain("error:")
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(
        new RegExp(`\\(shard ${shard}, campaign runnertest-[0-9a-f]{12}-\\d{8}T\\d{6}Z\\) in `),
      )
      expect(result.stdout).not.toContain("Report:")
    }

    const database_ = (await openDatabase({ url: database })).unwrap()
    try {
      const runs = await database_.db.selectFrom("runs").select(["id", "host", "shard", "campaign"]).execute()
      expect(runs.map((run) => run.shard).sort()).toEqual(["1/2", "2/2"])
      // Same plan, same shard count, started within the join window: one campaign.
      expect(new Set(runs.map((run) => run.campaign)).size).toBe(1)
      expect(runs[0]?.campaign).toMatch(/^runnertest-[0-9a-f]{12}-\d{8}T\d{6}Z$/)
      for (const run of runs) expect(run.host).toBe(hostname())
      const walletsOf = async (shard: string) => {
        const runId = runs.find((run) => run.shard === shard)?.id ?? ""
        const rows = await database_.db
          .selectFrom("transactions")
          .select("wallet")
          .distinct()
          .where("run_id", "=", runId)
          .where("task", "!=", fundingTaskName)
          .execute()
        return new Set(rows.map((row) => row.wallet.toLowerCase()))
      }
      const first = await walletsOf("1/2")
      const second = await walletsOf("2/2")
      // Round-robin: positions 0, 2, 4 belong to shard 1/2; 1, 3, 5 to 2/2.
      const expected = (offset: number) =>
        new Set(addresses.filter((_, index) => index % 2 === offset).map((address) => address.toLowerCase()))
      expect(first.size).toBeGreaterThan(0)
      expect(second.size).toBeGreaterThan(0)
      for (const wallet of first) expect(expected(0).has(wallet)).toBe(true)
      for (const wallet of second) expect(expected(1).has(wallet)).toBe(true)
      for (const wallet of first) expect(second.has(wallet)).toBe(false)
    } finally {
      await database_.close()
    }
  }, 45_000)

  it("refuses a campaign across processes on SQLite (exit 2, one line naming PostgreSQL)", async () => {
    const database = join(directory, "shards.db")
    const result = await runTestCli(["start", "--shard", "2/4", "--wallets", "8", "--db", database], {
      chain: testChain,
    })
    expect(result.code).toBe(2)
    expect(result.stderr.split("\n")[0]).toBe(
      `error: Invalid --shard "2/4": a campaign across processes needs PostgreSQL (--db postgres://...), not the SQLite file ${database}.`,
    )
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it("refuses a shard that would get no wallet (exit 2, one line) before starting anything", async () => {
    const result = await runTestCli(["start", "--shard", "3/4", "--wallets", "2", "--db", ":memory:"], {
      chain: testChain,
    })
    expect(result.code).toBe(2)
    expect(result.stderr.split("\n")[0]).toBe(
      'error: Invalid --shard "3/4": 2 wallet(s) cannot be split between 4 shards.',
    )
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
