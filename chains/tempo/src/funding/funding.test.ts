import { createWallet, type Wallet } from "@testnet/core"
import { createTaskHarness, type TaskHarness } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../chain.js"
import { tempoAddresses } from "../contracts/addresses.js"
import { encodeTip20BalanceOf, encodeTip20Transfer } from "../contracts/tip20.js"
import { tempoFeeTokens } from "../tasks/shared/tokens.js"
import { startTempoTestDevnet } from "../testing/devnet.js"
import { readTokenBalances } from "./balances.js"
import { createLazySponsor } from "./sponsor.js"
import { createTip20FundingHook, tip20ReclaimGasLimit } from "./tip20Funding.js"

describe("TIP-20 funding on the embedded Tempo devnet", () => {
  let stop: () => Promise<void> = async () => {}
  let harness: TaskHarness
  let funder: Wallet
  const sponsor = createLazySponsor()
  const hook = createTip20FundingHook({ sponsor })
  const target = 2_000_000n

  beforeAll(async () => {
    const devnet = await startTempoTestDevnet()
    stop = devnet.stop
    harness = await createTaskHarness({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId, chain: tempo })
    funder = createWallet(devnet.accounts[0]?.privateKey ?? "").unwrap()
  })
  afterAll(async () => {
    await harness?.close()
    await stop()
  })

  it("tops every wallet up in every fee token, and the sponsor with ten times that, in one round", async () => {
    const wallets = harness.newWallets(4)
    // tempo_fundAddress is unknown to anvil: the hook notices and uses the funder.
    const report = (await harness.fund(hook, funder, wallets, target)).unwrap()
    // Four workers and the sponsor, every token each: 15 transfer calls in one 0x76 transaction.
    expect(report).toMatchObject({ funded: 4, total: 4n * target, transactions: 1 })
    const balances = (
      await readTokenBalances(harness.rpc, tempoFeeTokens, [
        ...wallets.map((wallet) => wallet.address),
        sponsor.get().address,
      ])
    ).unwrap()
    expect(balances).toEqual([
      ...wallets.map(() => tempoFeeTokens.map(() => target)),
      tempoFeeTokens.map(() => 10n * target),
    ])
  })

  it("packs eight recipients × three tokens per funding transaction; every balance lands on chain", async () => {
    const wallets = harness.newWallets(20)
    const report = (await harness.fund(hook, funder, wallets, target)).unwrap()
    // 20 recipients (the sponsor holds enough already) in transactions of 8: 3 instead of 60.
    expect(report.transactions).toBe(3)
    expect(report.transfers.map((transfer) => transfer.to.length)).toEqual([8, 8, 4])
    const balances = (
      await readTokenBalances(
        harness.rpc,
        tempoFeeTokens,
        wallets.map((wallet) => wallet.address),
      )
    ).unwrap()
    expect(balances).toEqual(wallets.map(() => tempoFeeTokens.map(() => target)))
  })

  it("reads 3 × 120 balances in two Multicall3 eth_calls, the same values as one eth_call per balance", async () => {
    const addresses = [funder.address, ...harness.newWallets(119).map((wallet) => wallet.address)]
    let calls = 0
    const counting = {
      ...harness.rpc,
      request: ((method: string, params: unknown) => {
        calls += 1
        return harness.rpc.request(method, params as unknown[])
      }) as typeof harness.rpc.request,
    }
    const together = (await readTokenBalances(counting, tempoFeeTokens, addresses)).unwrap()
    expect(calls).toBe(2)
    const oneByOne = await Promise.all(
      addresses.map((address) =>
        Promise.all(
          tempoFeeTokens.map(async (token) =>
            BigInt(
              (
                await harness.rpc.request<string>("eth_call", [
                  { to: token, data: encodeTip20BalanceOf(address) },
                  "latest",
                ])
              ).unwrap(),
            ),
          ),
        ),
      ),
    )
    expect(together).toEqual(oneByOne)
    expect(together[0]?.every((balance) => balance > 0n)).toBe(true)
  })

  it("refills only wallets whose lowest token balance fell below the threshold", async () => {
    const [spender, idle] = harness.newWallets(2) as [Wallet, Wallet]
    ;(await harness.fund(hook, funder, [spender, idle], target)).unwrap()
    // The spender sends most of its AlphaUSD away (fee paid in AlphaUSD: the token it calls).
    const context = harness.contextFor(spender, "spend")
    const sent = (
      await context.send({
        to: tempoAddresses.alphaUsd,
        data: encodeTip20Transfer(context.random.address(), target - 100_000n),
        value: 0n,
        gasLimit: 900_000n,
      })
    ).unwrap()
    ;(await context.waitForReceipt(sent.hash)).unwrap()
    const refill = (await harness.fund(hook, funder, [spender, idle], target)).unwrap()
    expect(refill.funded).toBe(1)
    const [spenderBalances] = (
      await readTokenBalances(harness.rpc, tempoFeeTokens, [spender.address])
    ).unwrap()
    const alpha = tempoFeeTokens.indexOf(tempoAddresses.alphaUsd)
    expect(spenderBalances?.[alpha]).toBe(target)
    const again = (await harness.fund(hook, funder, [spender, idle], target)).unwrap()
    expect(again.transactions).toBe(0)
  })

  it("tops up to the minimum balance when the runner's target is smaller (TIP-1000 fee checks)", async () => {
    const [wallet] = harness.newWallets(1) as [Wallet]
    const report = (await harness.fund(hook, funder, [wallet], 50_000n)).unwrap()
    expect(report.funded).toBe(1)
    const [balances] = (await readTokenBalances(harness.rpc, tempoFeeTokens, [wallet.address])).unwrap()
    expect(balances).toEqual(tempoFeeTokens.map(() => 2_000_000n))
  })

  it("reclaims every token in one batched transaction, leaving less than one transaction's fee", async () => {
    const [wallet] = harness.newWallets(1) as [Wallet]
    ;(await harness.fund(hook, funder, [wallet], 3_000_000n)).unwrap()
    const reclaimed = (await harness.reclaim(hook, funder.address, [wallet])).unwrap()
    expect(reclaimed.transactions).toBe(1)
    const [left] = (await readTokenBalances(harness.rpc, tempoFeeTokens, [wallet.address])).unwrap()
    // One transaction's fee: what the reclaim itself had to reserve (limit × cap, TIP-20 units: gas ×
    // price / 10^12). A wallet holding less in all tokens together cannot pay for one more.
    const fees = harness.gas.currentFees().unwrap()
    const maxFeePerGas = "gasPrice" in fees ? fees.gasPrice : fees.maxFeePerGas
    const oneTransactionFee = (tip20ReclaimGasLimit(tempoFeeTokens.length) * maxFeePerGas) / 10n ** 12n
    const total = (left ?? []).reduce((sum, balance) => sum + balance, 0n)
    expect(total).toBeLessThan(oneTransactionFee)
    expect((left ?? []).filter((balance) => balance > 0n).length).toBeLessThanOrEqual(1)
  })

  it("reclaims nothing from a wallet too poor to pay the fee", () => {
    const [wallet] = harness.newWallets(1) as [Wallet]
    const fees = { maxFeePerGas: 40_000_000_000n, maxPriorityFeePerGas: 1n }
    expect(hook.reclaim({ to: funder.address, balance: 10n, fees, wallet })).toBeUndefined()
  })
})
