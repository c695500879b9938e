import { readValue } from "@testnet/core"
import { startTaskRunner, type TaskRunner } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { tip20Interface, tip20IssuerRole } from "../../contracts/tip20.js"
import { tip403RegistryInterface } from "../../contracts/tip403Registry.js"
import { sentBeforeEarlierMined } from "../../testing/backToBack.js"
import { readBalance } from "../shared/reads.js"
import {
  tip20Burn,
  tip20CreateToken,
  tip20GrantIssuerAndMint,
  tip20MintWithMemo,
  tip20TransferCreatedToken,
  tip403PolicyWhitelist,
} from "./index.js"

// One devnet; each token task runs on its own wallet, so each first creates that wallet's token.
describe("token tasks on the embedded Tempo devnet", () => {
  let runner: TaskRunner

  beforeAll(async () => {
    runner = await startTaskRunner({ chain: tempo, wallets: 6 })
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("tip20_create_token creates a USD TIP-20 administered by the wallet and records it", async () => {
    const outcome = (await runner.runClean(tip20CreateToken, { walletIndex: 0 })).unwrap()
    const address = /at (0x[0-9a-fA-F]{40})/.exec(outcome.notes[0] ?? "")?.[1] ?? ""
    expect(address.toLowerCase().startsWith("0x20c0")).toBe(true)
    const assets = (await runner.viewAs(0).database.assetsByKind({ kind: "tip20" })).unwrap()
    expect(assets.map((asset) => asset.address)).toEqual([address])
    expect(assets[0]?.wallet).toBe(runner.walletAddress(0))
    const currency = (
      await readValue<string>(
        runner.viewAs(0),
        address,
        tip20Interface.encodeFunctionData("currency"),
        "string",
      )
    ).unwrap()
    expect(currency).toBe("USD")
  })

  it("tip20_grant_issuer_and_mint reuses the wallet's token, grants the role and mints", async () => {
    const outcome = (await runner.runClean(tip20GrantIssuerAndMint, { walletIndex: 0 })).unwrap()
    expect(outcome.transactions).toHaveLength(1) // the token of the previous test was reused
    const [token] = (await runner.viewAs(0).database.assetsByKind({ kind: "tip20" })).unwrap()
    const hasRole = await readValue<boolean>(
      runner.viewAs(0),
      token?.address ?? "",
      tip20Interface.encodeFunctionData("hasRole", [runner.walletAddress(0), tip20IssuerRole]),
      "bool",
    )
    expect(hasRole.unwrap()).toBe(true)
    const minted = BigInt(/minted (\d+)/.exec(outcome.notes[0] ?? "")?.[1] ?? "-1")
    expect(
      (await readBalance(runner.viewAs(0), token?.address ?? "", runner.walletAddress(0))).unwrap(),
    ).toBe(minted)
  })

  it("tip20_mint_with_memo creates a token for a new wallet and mints with a memo", async () => {
    const outcome = (await runner.runClean(tip20MintWithMemo, { walletIndex: 1 })).unwrap()
    expect(outcome.transactions).toHaveLength(2) // creation + batch [grantRole, mintWithMemo]
    // The batch went out right behind the creation (the token's address is predicted).
    expect(await sentBeforeEarlierMined(runner, outcome.transactions)).toEqual([true])
    expect(outcome.notes[0]).toMatch(/with memo 0x[0-9a-f]{64}$/)
  })

  it("tip20_burn mints then burns in one batch when the balance is empty", async () => {
    const outcome = (await runner.runClean(tip20Burn, { walletIndex: 2 })).unwrap()
    expect(outcome.transactions).toHaveLength(2)
    const [token] = (await runner.viewAs(0).database.assetsByKind({ kind: "tip20" }))
      .unwrap()
      .filter((asset) => asset.wallet === runner.walletAddress(2))
    // minted exactly what it burned
    expect(
      (await readBalance(runner.viewAs(0), token?.address ?? "", runner.walletAddress(2))).unwrap(),
    ).toBe(0n)
  })

  it("tip20_transfer_created_token pays its fee in pathUSD, not in the new token", async () => {
    const before = (
      await readBalance(runner.viewAs(0), tempoAddresses.pathUsd, runner.walletAddress(3))
    ).unwrap()
    const outcome = (await runner.runClean(tip20TransferCreatedToken, { walletIndex: 3 })).unwrap()
    expect(outcome.transactions).toHaveLength(2)
    const after = (
      await readBalance(runner.viewAs(0), tempoAddresses.pathUsd, runner.walletAddress(3))
    ).unwrap()
    expect(after).toBeLessThan(before)
  })

  it("tip403_policy_whitelist creates a policy and authorizes a member", async () => {
    const outcome = (await runner.runClean(tip403PolicyWhitelist, { walletIndex: 4 })).unwrap()
    const [, policy, member] =
      /policy (\d+) whitelists (0x[0-9a-fA-F]{40})/.exec(outcome.notes[0] ?? "") ?? []
    const authorized = await readValue<boolean>(
      runner.viewAs(0),
      tempoAddresses.tip403Registry,
      tip403RegistryInterface.encodeFunctionData("isAuthorized", [BigInt(policy ?? "0"), member]),
      "bool",
    )
    expect(authorized.unwrap()).toBe(true)
    const outsider = await readValue<boolean>(
      runner.viewAs(0),
      tempoAddresses.tip403Registry,
      tip403RegistryInterface.encodeFunctionData("isAuthorized", [
        BigInt(policy ?? "0"),
        runner.walletAddress(5),
      ]),
      "bool",
    )
    expect(outsider.unwrap()).toBe(false)
  })
})
