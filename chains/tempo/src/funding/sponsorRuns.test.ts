import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Devnet, parseConfig, runLoad } from "@testnet/core/testing"
import { hexlify, randomBytes } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../chain.js"
import { startTempoTestDevnet } from "../testing/devnet.js"
import { tempoSponsor } from "./sponsor.js"

// Two consecutive `runLoad`s on ONE anvil started here (the embedded devnet would be fresh per
// run) and one database, with the worker wallets derived from the funder key, i.e. the same
// wallets both times. The sponsor is a chain service wallet derived from the funder: runLoad funds
// it before each run and reclaims it with the workers after, so the second run — whose workers
// may need no top-up — still has a funded sponsor (before: 9/9, then 0/61).

const count = 8
let devnet: Devnet
const directory = mkdtempSync(join(tmpdir(), "tempo-sponsor-runs-"))

beforeAll(async () => {
  devnet = await startTempoTestDevnet()
})
afterAll(async () => {
  await devnet?.stop()
  rmSync(directory, { recursive: true, force: true })
})

describe("sponsored_transaction over consecutive runs on the same wallets", () => {
  it("succeeds 100 % on the first and on the second run", async () => {
    const config = parseConfig({
      rpcUrls: [devnet.rpcUrl],
      chainId: devnet.chainId,
      targetTps: 4,
      workers: 3,
      wallets: { count: 3 },
      count,
      tasks: ["sponsored_transaction"],
      database: join(directory, "runs.db"),
      seed: 5,
      logLevel: "silent",
      funder: { key: devnet.accounts[0]?.privateKey },
    }).unwrap()
    const sponsors: string[] = []
    for (const label of ["first", "second"]) {
      // A new process: the process-wide sponsor slot starts as a random account.
      tempoSponsor.bind(hexlify(randomBytes(32)))
      const report = (
        await runLoad({ chain: tempo, config, handleSignals: false, fundingTarget: 10n ** 6n, reclaim: true })
      ).unwrap()
      sponsors.push(tempoSponsor.get().address)
      const sponsored = report.summary.tasks.sponsored_transaction
      expect(sponsored?.count, label).toBe(count)
      expect(sponsored?.success, `${label}: ${JSON.stringify(sponsored?.failures)}`).toBe(count)
      expect(report.summary.transactions.pending, label).toBe(0)
    }
    expect(sponsors[1]).toBe(sponsors[0])
  }, 90_000)
})
