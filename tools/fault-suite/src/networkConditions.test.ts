import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  auditJournal,
  type InjectionCounters,
  type NetworkConditionsProxy,
  type NetworkProfileName,
  networkProfiles,
  readJournal,
  startNetworkConditionsProxy,
} from "@testnet/test-helpers"
import { Wallet } from "ethers"
import { afterAll, beforeAll, describe, it } from "vitest"
import { type AnvilProcess, startAnvil } from "./anvilProcess.js"
import { anvilDevKey, mnemonicAddresses, mnemonicFor } from "./devAccounts.js"
import { describeOutcome, summaryOf } from "./outcomeReport.js"
import { writeRunConfig } from "./runConfig.js"
import { killStartedClis, startTempoCli } from "./tempoCli.js"
import { tempoSender } from "./tempoSender.js"

/**
 * The Tempo main job as a user runs it (the built CLI, an external anvil, a funder key and
 * mnemonic wallets), through each network-conditions profile; afterwards the journal is audited
 * directly against anvil. Every profile has its own funder (dev account), wallets and database,
 * so one profile's leftovers cannot break the next.
 */

const chainId = 42431
const walletCount = 20
const durationSeconds = 15
const tps = 10
// Generous: a run is ~15 s plus funding and drain; a hung CLI must still not hang the suite.
const cliDeadlineMs = 100_000
// A 15 s run at 10 task starts per second journals well over this, even under faults.
const minimumJournaled = 30
// One CLI run (deadline) plus the audit's settling and block scan.
const profileTimeoutMs = cliDeadlineMs + 60_000

type ProfileCase = {
  name: NetworkProfileName
  /** A counter that must be > 0: proves the profile really injected its fault. */
  injected?: keyof InjectionCounters
  extraArguments?: readonly string[]
}

const profileCases: readonly ProfileCase[] = [
  { name: "clean" },
  { name: "latency100" },
  { name: "http5xx", injected: "http5xx" },
  { name: "rateLimit429", injected: "rateLimited" },
  { name: "resets", injected: "resetsAfterForward" },
  { name: "forwardThenError", injected: "forwardThenError" },
  { name: "sendThenDrop", injected: "sendThenDrop" },
  { name: "slow", injected: "slow" },
  { name: "hangs", injected: "hangs" },
  { name: "outage", injected: "outageRequests" },
  // No injection required: a client that keeps ≤ 16 in flight per sender never meets the cap.
  { name: "senderCap16" },
  { name: "eip7966", injected: "eip7966", extraArguments: ["--sync-send"] },
]

let anvil: AnvilProcess | undefined
let directory = ""
const proxies = new Set<NetworkConditionsProxy>()

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "fault-suite-"))
  // One dev account per profile as its funder, plus spares.
  anvil = await startAnvil({ chainId, accounts: 20 })
})

afterAll(async () => {
  killStartedClis()
  for (const proxy of proxies) await proxy.close()
  await anvil?.stop()
  if (directory !== "") rmSync(directory, { recursive: true, force: true })
})

function requireAnvil(): AnvilProcess {
  if (anvil === undefined) throw new Error("anvil did not start")
  return anvil
}

async function startProxy(name: NetworkProfileName, seed: number): Promise<NetworkConditionsProxy> {
  const proxy = await startNetworkConditionsProxy({
    upstream: requireAnvil().url,
    conditions: networkProfiles[name].conditions,
    seed,
    decodeSender: tempoSender,
  })
  proxies.add(proxy)
  return proxy
}

async function closeProxy(proxy: NetworkConditionsProxy): Promise<void> {
  proxies.delete(proxy)
  await proxy.close()
}

function latestRunId(databasePath: string): string | undefined {
  return readJournal(databasePath).runs.at(-1)?.id
}

/** Everything one profile run needs: its own wallets, funder, config and database. */
function prepare(name: string, funderIndex: number) {
  const mnemonic = mnemonicFor(`fault-suite/${name}`)
  return {
    mnemonic,
    // The funder's sends (funding, refills) are journaled too, so they are audited with the workers.
    wallets: [...mnemonicAddresses(mnemonic, walletCount), new Wallet(anvilDevKey(funderIndex)).address],
    funderKey: anvilDevKey(funderIndex),
    configPath: writeRunConfig(directory, name, { walletCount, workers: walletCount, chainId }),
    databasePath: join(directory, `${name}.db`),
  }
}

// Profiles run a few at a time (the config's maxConcurrency): each has its own funder, wallets,
// proxy and database, and the audit judges only its own wallets, so they cannot see each other.
describe.concurrent("the Tempo main job under network conditions (external anvil, audited on the chain)", () => {
  profileCases.forEach((profileCase, index) => {
    it(
      `${profileCase.name}: exits 0 and the journal agrees with the chain`,
      async ({ expect }) => {
        const run = prepare(profileCase.name, index + 1)
        const proxy = await startProxy(profileCase.name, 1000 + index)
        try {
          const outcome = await startTempoCli({
            rpcUrl: proxy.url,
            configPath: run.configPath,
            databasePath: run.databasePath,
            durationSeconds,
            tps,
            seed: index + 1,
            funderKey: run.funderKey,
            mnemonic: run.mnemonic,
            deadlineMs: cliDeadlineMs,
            ...(profileCase.extraArguments === undefined
              ? {}
              : { extraArguments: profileCase.extraArguments }),
          }).done
          const report = describeOutcome(profileCase.name, outcome, proxy.counters)
          await closeProxy(proxy)
          expect.soft(outcome.timedOut, report).toBe(false)
          expect.soft(outcome.exitCode, report).toBe(0)
          if (profileCase.injected !== undefined)
            expect
              .soft(proxy.counters[profileCase.injected], `${profileCase.injected} never injected\n${report}`)
              .toBeGreaterThan(0)
          const runId = latestRunId(run.databasePath)
          expect(runId, `no run recorded\n${report}`).toBeDefined()
          // An empty journal would make the audit pass vacuously.
          const journaled = readJournal(run.databasePath).transactions.filter((row) => row.run_id === runId)
          expect(journaled.length, `too few journaled transactions\n${report}`).toBeGreaterThanOrEqual(
            minimumJournaled,
          )
          const problems = await auditJournal({
            databasePath: run.databasePath,
            ...(runId === undefined ? {} : { runId }),
            wallets: run.wallets,
            rpcUrl: requireAnvil().url,
          })
          expect(
            problems.map((problem) => problem.message),
            `journal vs chain\n${report}`,
          ).toEqual([])
        } finally {
          await closeProxy(proxy)
        }
      },
      profileTimeoutMs,
    )
  })

  it(
    "deadRpc: stops after --max-outage with exit 1 and the summary; a restart leaves nothing pending",
    async ({ expect }) => {
      const run = prepare("deadRpc", profileCases.length + 1)
      const proxy = await startProxy("deadRpc", 2000)
      try {
        const outcome = await startTempoCli({
          rpcUrl: proxy.url,
          configPath: run.configPath,
          databasePath: run.databasePath,
          durationSeconds: 60,
          tps,
          seed: 99,
          funderKey: run.funderKey,
          mnemonic: run.mnemonic,
          extraArguments: ["--max-outage", "8"],
          deadlineMs: cliDeadlineMs,
        }).done
        const report = describeOutcome("deadRpc", outcome, proxy.counters)
        await closeProxy(proxy)
        expect.soft(outcome.timedOut, report).toBe(false)
        expect.soft(outcome.exitCode, report).toBe(1)
        expect.soft(summaryOf(outcome), `no summary printed\n${report}`).toBeDefined()
        expect.soft(proxy.counters.outageRequests, report).toBeGreaterThan(0)

        // The RPC is back (direct to anvil): a short run on the same database and wallets
        // reconciles what the dead run left pending.
        const restart = await startTempoCli({
          rpcUrl: requireAnvil().url,
          configPath: run.configPath,
          databasePath: run.databasePath,
          durationSeconds: 3,
          tps: 2,
          seed: 100,
          funderKey: run.funderKey,
          mnemonic: run.mnemonic,
          deadlineMs: cliDeadlineMs,
        }).done
        const restartReport = describeOutcome("deadRpc restart", restart)
        expect.soft(restart.exitCode, restartReport).toBe(0)
        const problems = await auditJournal({
          databasePath: run.databasePath,
          wallets: run.wallets,
          rpcUrl: requireAnvil().url,
        })
        expect(
          problems.map((problem) => problem.message),
          `journal vs chain\n${report}\n${restartReport}`,
        ).toEqual([])
      } finally {
        await closeProxy(proxy)
      }
    },
    2 * profileTimeoutMs,
  )
})
