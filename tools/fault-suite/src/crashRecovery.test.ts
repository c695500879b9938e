import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  auditJournal,
  createSeededRandom,
  type NetworkConditionsProxy,
  readJournal,
  startNetworkConditionsProxy,
} from "@testnet/test-helpers"
import { Wallet } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AnvilProcess, startAnvil } from "./anvilProcess.js"
import { anvilDevKey, mnemonicAddresses, mnemonicFor } from "./devAccounts.js"
import { describeOutcome } from "./outcomeReport.js"
import { writeRunConfig } from "./runConfig.js"
import { killStartedClis, startTempoCli } from "./tempoCli.js"

/**
 * kill -9 in the middle of sending, then a restart on the same database and wallets: the
 * restart must reconcile what the dead process left (no `pending` row of an earlier run, no run
 * still `running`) and the journal must agree with the chain.
 */

const chainId = 42431
const walletCount = 20
// Override to replay another kill point: FAULT_SUITE_SEED=7 pnpm --filter @testnet/fault-suite test
const seed = Number(process.env.FAULT_SUITE_SEED ?? 20_261_203)

let anvil: AnvilProcess | undefined
let proxy: NetworkConditionsProxy | undefined
let directory = ""

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "fault-suite-crash-"))
  anvil = await startAnvil({ chainId, accounts: 3 })
  // A clean proxy, only for its counters in the failure report.
  proxy = await startNetworkConditionsProxy({ upstream: anvil.url, conditions: {}, seed })
})

afterAll(async () => {
  killStartedClis()
  await proxy?.close()
  await anvil?.stop()
  if (directory !== "") rmSync(directory, { recursive: true, force: true })
})

/** Task transactions (not funding) journaled so far; 0 while the database does not exist yet. */
function journaledTaskTransactions(databasePath: string): number {
  if (!existsSync(databasePath)) return 0
  try {
    return readJournal(databasePath).transactions.filter((row) => row.task !== "_funding").length
  } catch {
    // The schema may not be created yet.
    return 0
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (condition()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return condition()
}

describe("kill -9 while sending, then restart", () => {
  it("leaves no stale pending rows and no run marked running, and the journal agrees with the chain", async () => {
    if (anvil === undefined || proxy === undefined) throw new Error("anvil or the proxy did not start")
    const random = createSeededRandom(seed)
    const transactionsBeforeKill = random.integer(3, 60)
    const extraDelayMs = random.integer(0, 1500)
    const mnemonic = mnemonicFor("fault-suite/crash")
    const wallets = [...mnemonicAddresses(mnemonic, walletCount), new Wallet(anvilDevKey(1)).address]
    const configPath = writeRunConfig(directory, "crash", { walletCount, workers: walletCount, chainId })
    const databasePath = join(directory, "crash.db")
    const common = { configPath, databasePath, funderKey: anvilDevKey(1), mnemonic, deadlineMs: 100_000 }

    const doomed = startTempoCli({ ...common, rpcUrl: proxy.url, durationSeconds: 60, tps: 10, seed: 1 })
    // The kill point is counted in journaled task transactions, so it falls inside the load, not the funding.
    const sending = await waitFor(
      () => journaledTaskTransactions(databasePath) >= transactionsBeforeKill,
      60_000,
    )
    await new Promise((resolve) => setTimeout(resolve, extraDelayMs))
    process.kill(doomed.pid, "SIGKILL")
    const killed = await doomed.done
    const killReport = `${describeOutcome("killed run", killed, proxy.counters)}\nkill point: ${transactionsBeforeKill} journaled task transactions + ${extraDelayMs} ms (seed ${seed})`
    expect(
      sending,
      `the CLI never journaled ${transactionsBeforeKill} task transactions\n${killReport}`,
    ).toBe(true)
    expect(killed.signal, killReport).toBe("SIGKILL")
    const afterKill = readJournal(databasePath)
    const killedRunId = afterKill.runs.at(-1)?.id
    expect(killedRunId, `the killed run recorded nothing\n${killReport}`).toBeDefined()

    const restart = await startTempoCli({ ...common, rpcUrl: anvil.url, durationSeconds: 4, tps: 4, seed: 2 })
      .done
    const restartReport = `${describeOutcome("restart", restart)}\nrestart stdout (end):\n${restart.stdout.slice(-4000)}\nrestart stderr:\n${restart.stderr.slice(0, 4000)}`
    const report = `${killReport}\n${restartReport}`
    expect.soft(restart.exitCode, report).toBe(0)

    const journal = readJournal(databasePath)
    const latestRunId = journal.runs.at(-1)?.id
    const stale = journal.transactions.filter((row) => row.status === "pending" && row.run_id !== latestRunId)
    expect
      .soft(
        stale.map((row) => `${row.hash} (${row.task}, run ${row.run_id}) still pending`),
        `stale rows after the restart\n${report}`,
      )
      .toEqual([])
    expect
      .soft(
        journal.runs.filter((run) => run.status === "running").map((run) => `run ${run.id} still running`),
        `runs left running\n${report}`,
      )
      .toEqual([])
    expect
      .soft(journal.runs.find((run) => run.id === killedRunId)?.status, `status of the killed run\n${report}`)
      .toBe("crashed")
    const problems = await auditJournal({ databasePath, wallets, rpcUrl: anvil.url })
    expect(
      problems.map((problem) => problem.message),
      `journal vs chain, every run\n${report}`,
    ).toEqual([])
  }, 240_000)
})
