import { readValue } from "@testnet/core"
import { startTaskRunner, type TaskRunner } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tip20Interface, tip20MaximumSupplyCap } from "../../contracts/tip20.js"
import { sentBeforeEarlierMined } from "../../testing/backToBack.js"
import { tip20AssetKind } from "../shared/ownedToken.js"
import { readBalance } from "../shared/reads.js"
import {
  adminTasks,
  tip20BurnBlocked,
  tip20BurnWithMemo,
  tip20PauseUnpause,
  tip20Permit,
  tip20SupplyCap,
  tip20TransferFromWithMemo,
} from "./index.js"
import { tip20DomainSeparator } from "./permit.js"

// One devnet (anvil --network tempo --hardfork T4); each task acts on its wallet's own token.
describe("TIP-20 administration tasks on the embedded Tempo devnet", () => {
  let runner: TaskRunner
  const ownToken = async (walletIndex: number) => {
    const assets = (await runner.viewAs(0).database.assetsByKind({ kind: tip20AssetKind })).unwrap()
    return assets.find((asset) => asset.wallet === runner.walletAddress(walletIndex))?.address ?? ""
  }
  const view = <T>(walletIndex: number, token: string, name: string, type: string, args: unknown[] = []) =>
    readValue<T>(runner.viewAs(walletIndex), token, tip20Interface.encodeFunctionData(name, args), type)

  beforeAll(async () => {
    runner = await startTaskRunner({ chain: tempo, wallets: 3 })
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("lists six administration tasks", () => {
    expect(adminTasks).toHaveLength(6)
  })

  it("tip20_permit: an offline holder's signature becomes an allowance for the wallet", async () => {
    const outcome = (await runner.runClean(tip20Permit, { walletIndex: 0 })).unwrap()
    // The wallet's first task: its token's creation, and the permit right behind it (signed over the
    // domain computed from the name, before the token existed on chain).
    expect(outcome.transactions).toHaveLength(2)
    expect(await sentBeforeEarlierMined(runner, outcome.transactions)).toEqual([true])
    const [, value, holder] = /permit of (\d+) from (0x[0-9a-fA-F]{40})/.exec(outcome.notes[0] ?? "") ?? []
    const token = await ownToken(0)
    const name = (await view<string>(0, token, "name", "string")).unwrap()
    expect(tip20DomainSeparator(name, runner.devnet.chainId, token)).toBe(
      (await view<string>(0, token, "DOMAIN_SEPARATOR", "bytes32")).unwrap(),
    )
    const allowance = await view<bigint>(0, token, "allowance", "uint256", [holder, runner.walletAddress(0)])
    expect(allowance.unwrap()).toBe(BigInt(value ?? "-1"))
    // The task signs nonce 0 without reading it: the permit consumed it.
    expect((await view<bigint>(0, token, "nonces", "uint256", [holder])).unwrap()).toBe(1n)
  })

  it("tip20_transfer_from_with_memo pulls the permitted payment to the merchant", async () => {
    const outcome = (await runner.runClean(tip20TransferFromWithMemo, { walletIndex: 0 })).unwrap()
    expect(outcome.transactions).toHaveLength(1) // the token of the previous test was reused
    const hash = outcome.transactions[0]?.hash ?? ""
    const receipt = await runner.rpc<{ logs: { topics: string[] }[] }>("eth_getTransactionReceipt", [hash])
    const memo = /with memo (0x[0-9a-f]{64})/.exec(outcome.notes[0] ?? "")?.[1]
    const memoLog = receipt.logs.find(
      (log) => log.topics[0] === tip20Interface.getEvent("TransferWithMemo")?.topicHash,
    )
    expect(memoLog?.topics[3]).toBe(memo)
    // The task checks its receipt; the merchant's balance is checked here, on chain.
    const [, amount, merchant] = /collected (\d+) for (0x[0-9a-fA-F]{40})/.exec(outcome.notes[0] ?? "") ?? []
    const token = await ownToken(0)
    const received = await view<bigint>(0, token, "balanceOf", "uint256", [merchant])
    expect(received.unwrap()).toBe(BigInt(amount ?? "-1"))
  })

  it("tip20_burn_with_memo lowers the supply by the burned amount", async () => {
    const token = await ownToken(0)
    const before = (await view<bigint>(0, token, "totalSupply", "uint256")).unwrap()
    const outcome = (await runner.runClean(tip20BurnWithMemo, { walletIndex: 0 })).unwrap()
    const [, burned, minted] =
      /burned (\d+) with memo 0x[0-9a-f]{64} \(minted (\d+) first\)/.exec(outcome.notes[0] ?? "") ?? []
    const after = (await view<bigint>(0, token, "totalSupply", "uint256")).unwrap()
    expect(after).toBe(before + BigInt(minted ?? "0") - BigInt(burned ?? "0"))
    expect(BigInt(burned ?? "0")).toBeGreaterThan(0n)
  })

  it("tip20_pause_unpause leaves the token unpaused and the wallet holding both roles", async () => {
    const outcome = (await runner.runClean(tip20PauseUnpause, { walletIndex: 1 })).unwrap()
    expect(outcome.transactions).toHaveLength(3) // token creation, pause batch, unpause
    const token = await ownToken(1)
    expect((await view<boolean>(1, token, "paused", "bool")).unwrap()).toBe(false)
    const pauseRole = (await view<string>(1, token, "PAUSE_ROLE", "bytes32")).unwrap()
    expect(
      (await view<boolean>(1, token, "hasRole", "bool", [runner.walletAddress(1), pauseRole])).unwrap(),
    ).toBe(true)
  })

  it("tip20_supply_cap caps, fills and lifts the cap", async () => {
    const outcome = (await runner.runClean(tip20SupplyCap, { walletIndex: 1 })).unwrap()
    const cap = BigInt(/at (\d+)/.exec(outcome.notes[0] ?? "")?.[1] ?? "0")
    const token = await ownToken(1)
    expect((await view<bigint>(1, token, "totalSupply", "uint256")).unwrap()).toBe(cap)
    expect((await view<bigint>(1, token, "supplyCap", "uint256")).unwrap()).toBe(tip20MaximumSupplyCap)
  })

  it("tip20_burn_blocked burns the blacklisted holder's balance and restores the policy", async () => {
    const outcome = (await runner.runClean(tip20BurnBlocked, { walletIndex: 2 })).unwrap()
    const holder = /at (0x[0-9a-fA-F]{40})/.exec(outcome.notes[0] ?? "")?.[1] ?? ""
    const token = await ownToken(2)
    expect((await readBalance(runner.viewAs(2), token, holder)).unwrap()).toBe(0n)
    expect((await view<bigint>(2, token, "transferPolicyId", "uint64")).unwrap()).toBe(1n)
  })
})
