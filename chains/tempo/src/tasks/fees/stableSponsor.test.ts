import { createWallet, type Wallet } from "@testnet/core"
import { createTaskHarness } from "@testnet/core/testing"
import { hexlify, randomBytes } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoSponsor } from "../../funding/sponsor.js"
import { createTip20FundingHook } from "../../funding/tip20Funding.js"
import { startTempoTestDevnet } from "../../testing/devnet.js"
import { readBalance } from "../shared/reads.js"
import { tempoFeeTokens } from "../shared/tokens.js"
import { sponsoredTransaction } from "./index.js"

// Two runs on the same worker wallets, each a fresh "process" (new pipeline, new database, the
// process-wide sponsor slot reset to a random account as a new process would have), wired the way
// the runner funds a chain's service wallets: derive them from the funder, fund them with the
// workers before the run, reclaim them with the workers.

const rounds = 2

describe("sponsored_transaction with the sponsor derived from the funder", () => {
  let stop: () => Promise<void> = async () => {}
  let rpcUrl = ""
  let chainId = 0
  let funder: Wallet
  let workers: Wallet[] = []

  beforeAll(async () => {
    const devnet = await startTempoTestDevnet()
    stop = devnet.stop
    rpcUrl = devnet.rpcUrl
    chainId = devnet.chainId
    funder = createWallet(devnet.accounts[0]?.privateKey ?? "").unwrap()
    workers = Array.from({ length: 3 }, () => createWallet(hexlify(randomBytes(32))).unwrap())
  })
  afterAll(async () => {
    await stop()
  })

  async function oneRun(label: string) {
    // A new process: the sponsor slot starts random, until the chain derives the service wallets.
    tempoSponsor.bind(hexlify(randomBytes(32)))
    const service = tempo.serviceWallets?.(funder) ?? []
    expect(service).toHaveLength(1)
    const harness = await createTaskHarness({ rpcUrl, chainId, chain: tempo })
    try {
      const hook = createTip20FundingHook()
      const funded = (await harness.fund(hook, funder, [...workers, ...service], 10n ** 6n)).unwrap()
      const results = []
      for (let round = 0; round < rounds; round += 1)
        results.push(
          ...(await Promise.all(
            workers.map((worker, index) => harness.run(sponsoredTransaction, worker, round * 10 + index + 1)),
          )),
        )
      const failures = results
        .filter((result) => result.isErr())
        .map((result) => `${label}: ${result.isErr() && result.error.shortMessage}`)
      return { harness, hook, service, funded, failures, succeeded: results.length - failures.length }
    } catch (error) {
      await harness.close()
      throw error
    }
  }

  it("succeeds on every attempt in two consecutive runs, with the same sponsor, and reclaims it", async () => {
    const first = await oneRun("first run")
    const firstSponsor = first.service[0]?.address
    expect(first.failures).toEqual([])
    expect(first.succeeded).toBe(rounds * workers.length)
    expect(tempoSponsor.get().address).toBe(firstSponsor)
    await first.harness.close()

    const second = await oneRun("second run")
    expect(second.service[0]?.address).toBe(firstSponsor)
    expect(tempoSponsor.get().address).toBe(firstSponsor)
    // The workers still hold enough from the first run: before, nothing funded the new random
    // sponsor and every sponsored transaction failed (9/9, then 0/61).
    expect(second.failures).toEqual([])
    expect(second.succeeded).toBe(rounds * workers.length)

    // Control: the old wiring (a random per-process sponsor, topped up only with a worker) fails
    // here, because the workers need no top-up on a second run.
    tempoSponsor.bind(hexlify(randomBytes(32)))
    const control = (await second.harness.fund(createTip20FundingHook(), funder, workers, 10n ** 6n)).unwrap()
    expect(control.funded).toBe(0)
    expect((await second.harness.run(sponsoredTransaction, workers[0] as Wallet, 99)).isErr()).toBe(true)
    tempo.serviceWallets?.(funder)

    // Reclaim runs over the service wallets with the workers: the sponsor's first funded token
    // (pathUSD) goes back to the funder.
    const reader = second.harness.contextFor(workers[0] as Wallet, "check")
    const pathUsd = tempoFeeTokens[0] ?? ""
    const before = (await readBalance(reader, pathUsd, firstSponsor ?? "")).unwrap()
    expect(before).toBeGreaterThan(0n)
    const reclaimed = (
      await second.harness.reclaim(second.hook, funder.address, [...workers, ...second.service])
    ).unwrap()
    expect(reclaimed.transactions).toBeGreaterThanOrEqual(workers.length + 1)
    const after = (await readBalance(reader, pathUsd, firstSponsor ?? "")).unwrap()
    expect(after).toBeLessThan(before / 100n)
    await second.harness.close()
  }, 120_000)
})
