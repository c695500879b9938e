import { readValue } from "@testnet/core"
import { startTaskRunner, type TaskRunner } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tip20Interface } from "../../contracts/tip20.js"
import { sentBeforeEarlierMined } from "../../testing/backToBack.js"
import { readBalance } from "../shared/reads.js"
import {
  policiesTasks,
  tip403AttachPolicy,
  tip403BlacklistPolicy,
  tip403CompoundPolicy,
  tip403TransferAllowed,
  tip403TransferRefused,
} from "./index.js"
import { policyTokenAssetKind } from "./policyToken.js"
import { readAuthorized, readTransferPolicyId } from "./tokenPolicy.js"

// One devnet (anvil --network tempo --hardfork T4, which enforces TIP-403 in its TIP-20
// precompiles); each wallet keeps one policy token, created by its first policy task.
describe("policy tasks on the embedded Tempo devnet", () => {
  let runner: TaskRunner
  const policyToken = async (walletIndex: number) => {
    const assets = (await runner.viewAs(0).database.assetsByKind({ kind: policyTokenAssetKind })).unwrap()
    return assets.find((asset) => asset.wallet === runner.walletAddress(walletIndex))?.address ?? ""
  }

  beforeAll(async () => {
    runner = await startTaskRunner({ chain: tempo, wallets: 4 })
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("lists five policy tasks, one an expected failure", () => {
    expect(policiesTasks.map((task) => task.expectedFailure)).toEqual([false, false, false, false, true])
  })

  it("tip403_attach_policy attaches a whitelist to the wallet's policy token", async () => {
    const outcome = (await runner.runClean(tip403AttachPolicy, { walletIndex: 0 })).unwrap()
    expect(outcome.transactions).toHaveLength(3) // token creation, policy creation, attach
    // The policy right behind the token; the attach names the policy's id, so it waited for it.
    expect(await sentBeforeEarlierMined(runner, outcome.transactions)).toEqual([true, false])
    const policy = BigInt(/whitelist (\d+)/.exec(outcome.notes[0] ?? "")?.[1] ?? "-1")
    const token = await policyToken(0)
    expect((await readTransferPolicyId(runner.viewAs(0), token)).unwrap()).toBe(policy)
    expect(
      (await readAuthorized(runner.viewAs(0), "isAuthorized", policy, runner.walletAddress(0))).unwrap(),
    ).toBe(true)
    expect(
      (await readAuthorized(runner.viewAs(0), "isAuthorized", policy, runner.walletAddress(1))).unwrap(),
    ).toBe(false)
  })

  it("tip403_blacklist_policy blocks exactly the listed address", async () => {
    const outcome = (await runner.runClean(tip403BlacklistPolicy, { walletIndex: 0 })).unwrap()
    expect(outcome.transactions).toHaveLength(2) // the policy token is reused
    const [, policy, blocked] =
      /blacklist (\d+) blocks (0x[0-9a-fA-F]{40})/.exec(outcome.notes[0] ?? "") ?? []
    const view = runner.viewAs(0)
    expect((await readAuthorized(view, "isAuthorized", BigInt(policy ?? "0"), blocked ?? "")).unwrap()).toBe(
      false,
    )
    expect((await readTransferPolicyId(view, await policyToken(0))).unwrap()).toBe(BigInt(policy ?? "0"))
    expect(
      (await readAuthorized(view, "isAuthorized", BigInt(policy ?? "0"), runner.walletAddress(0))).unwrap(),
    ).toBe(true)
  })

  it("tip403_compound_policy combines a sender whitelist and a recipient blacklist", async () => {
    const outcome = (await runner.runClean(tip403CompoundPolicy, { walletIndex: 1 })).unwrap()
    expect(outcome.transactions).toHaveLength(4)
    const [, policy, senders] = /compound (\d+) \(senders (\d+)/.exec(outcome.notes[0] ?? "") ?? []
    const view = runner.viewAs(1)
    expect((await readTransferPolicyId(view, await policyToken(1))).unwrap()).toBe(BigInt(policy ?? "0"))
    // A stranger is not a whitelisted sender, under the compound policy as under its sender part.
    expect(
      (
        await readAuthorized(view, "isAuthorizedSender", BigInt(policy ?? "0"), runner.walletAddress(3))
      ).unwrap(),
    ).toBe(false)
    expect(
      (await readAuthorized(view, "isAuthorized", BigInt(senders ?? "0"), runner.walletAddress(1))).unwrap(),
    ).toBe(true)
  })

  it("tip403_transfer_allowed delivers to the whitelisted recipient", async () => {
    const outcome = (await runner.runClean(tip403TransferAllowed, { walletIndex: 2 })).unwrap()
    const [, amount, recipient] =
      /^(\d+) sent to whitelisted (0x[0-9a-fA-F]{40})/.exec(outcome.notes[0] ?? "") ?? []
    expect((await readBalance(runner.viewAs(2), await policyToken(2), recipient ?? "")).unwrap()).toBe(
      BigInt(amount ?? "-1"),
    )
  })

  it("tip403_transfer_refused succeeds because the chain refuses the transfer (status 0)", async () => {
    const outcome = (await runner.runClean(tip403TransferRefused, { walletIndex: 2 })).unwrap()
    expect(outcome.expectedFailure).toBe(true)
    // The refused transfer went right behind the batch attaching the whitelist.
    expect((await sentBeforeEarlierMined(runner, outcome.transactions.slice(-2)))[0]).toBe(true)
    const refused = outcome.transactions.at(-1)?.hash ?? ""
    const receipt = await runner.rpc<{ status: string; logs: { address: string }[] }>(
      "eth_getTransactionReceipt",
      [refused],
    )
    expect(receipt.status).toBe("0x0")
    // Only the fee (pathUSD to the fee manager) moved; no log of the policy token.
    const token = await policyToken(2)
    expect(receipt.logs.filter((log) => log.address.toLowerCase() === token.toLowerCase())).toEqual([])
    const supply = await readValue<bigint>(
      runner.viewAs(2),
      token,
      tip20Interface.encodeFunctionData("totalSupply"),
      "uint256",
    )
    const held = (await readBalance(runner.viewAs(2), token, runner.walletAddress(2))).unwrap()
    expect(held).toBeGreaterThan(0n)
    expect(supply.unwrap()).toBeGreaterThanOrEqual(held)
  })
})
