import { createWallet, readValue, type Wallet } from "@testnet/core"
import { createTaskHarness, type TaskHarness } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeGetUserToken } from "../../contracts/feeManager.js"
import { tempoSponsor } from "../../funding/sponsor.js"
import { createTip20FundingHook } from "../../funding/tip20Funding.js"
import { startTempoTestDevnet } from "../../testing/devnet.js"
import { readBalance } from "../shared/reads.js"
import { tempoFeeTokens, tokenLabel } from "../shared/tokens.js"
import { payFeeInToken, setUserFeeToken, sponsoredTransaction } from "./index.js"

const tokenNamed = (label: string) => tempoFeeTokens.find((token) => tokenLabel(token) === label) ?? ""

describe("fee tasks on the embedded Tempo devnet", () => {
  let stop: () => Promise<void> = async () => {}
  let harness: TaskHarness
  let wallets: Wallet[]
  const wallet = (index: number) => wallets[index] as Wallet
  const reader = () => harness.contextFor(wallet(0), "check")
  const balances = (address: string) =>
    Promise.all(tempoFeeTokens.map(async (token) => (await readBalance(reader(), token, address)).unwrap()))

  beforeAll(async () => {
    const devnet = await startTempoTestDevnet()
    stop = devnet.stop
    harness = await createTaskHarness({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId, chain: tempo })
    const funder = createWallet(devnet.accounts[0]?.privateKey ?? "").unwrap()
    wallets = harness.newWallets(3)
    // The default hook also funds the process-wide sponsor (10× a worker's top-up).
    const report = (await harness.fund(createTip20FundingHook(), funder, wallets, 10n ** 6n)).unwrap()
    // Three workers and the sponsor, every token each: one batched funding transaction.
    expect(report.transfers.flatMap((transfer) => transfer.to)).toHaveLength(4)
    expect(report.transactions).toBe(1)
  })
  afterAll(async () => {
    await harness?.close()
    await stop()
  })

  it("set_user_fee_token switches the preference to a funded token with liquidity", async () => {
    const outcome = (await harness.run(setUserFeeToken, wallet(0))).unwrap()
    const chosen = tokenNamed(/→ (\w+)$/.exec(outcome.notes[0] ?? "")?.[1] ?? "")
    const preference = await readValue<string>(
      reader(),
      tempoAddresses.feeManager,
      encodeGetUserToken(wallet(0).address),
      "address",
    )
    expect(preference.unwrap()).toBe(chosen)
    expect(chosen).not.toBe("")
  })

  it("pay_fee_in_token debits the fee from the chosen token only", async () => {
    for (const seed of [1, 2, 3, 4]) {
      const before = await balances(wallet(1).address)
      const outcome = (await harness.run(payFeeInToken, wallet(1), seed)).unwrap()
      const after = await balances(wallet(1).address)
      const paidIn = tempoFeeTokens.indexOf(
        tokenNamed(/fee paid in (\w+)/.exec(outcome.notes[0] ?? "")?.[1] ?? ""),
      )
      expect(paidIn).toBeGreaterThanOrEqual(0)
      for (const [index] of tempoFeeTokens.entries()) {
        if (index === paidIn) expect(after[index]).toBeLessThan(before[index] ?? 0n)
        else expect(after[index]).toBe(before[index])
      }
    }
  })

  it("sponsored_transaction: the sponsor pays the fee, the sender pays only the transfer", async () => {
    const sponsor = tempoSponsor.get().address
    const senderBefore = await balances(wallet(2).address)
    const sponsorBefore = await balances(sponsor)
    const outcome = (await harness.run(sponsoredTransaction, wallet(2))).unwrap()
    expect(outcome.notes[0]).toContain(sponsor)
    const senderAfter = await balances(wallet(2).address)
    const sponsorAfter = await balances(sponsor)
    const pathUsd = tempoFeeTokens.indexOf(tempoAddresses.pathUsd)
    const spent = (senderBefore[pathUsd] ?? 0n) - (senderAfter[pathUsd] ?? 0n)
    expect(spent).toBeGreaterThanOrEqual(1n)
    expect(spent).toBeLessThanOrEqual(1_000n) // only the transferred amount, no fee
    for (const [index] of tempoFeeTokens.entries())
      if (index !== pathUsd) expect(senderAfter[index]).toBe(senderBefore[index])
    const sponsorSpent = sponsorBefore.reduce(
      (sum, value, index) => sum + value - (sponsorAfter[index] ?? 0n),
      0n,
    )
    expect(sponsorSpent).toBeGreaterThan(0n)
  })
})
