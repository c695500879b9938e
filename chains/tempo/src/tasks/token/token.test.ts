import { createWallet, readValue, type Wallet } from "@testnet/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { tip20Interface, tip20IssuerRole } from "../../contracts/tip20.js"
import { tip403RegistryInterface } from "../../contracts/tip403Registry.js"
import { createTip20FundingHook } from "../../funding/tip20Funding.js"
import { startTempoTestDevnet } from "../../testing/devnet.js"
import { createTaskHarness, type TaskHarness } from "../../testing/taskHarness.js"
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
  let stop: () => Promise<void> = async () => {}
  let harness: TaskHarness
  let wallets: Wallet[]
  const wallet = (index: number) => wallets[index] as Wallet
  const reader = (index: number) => harness.contextFor(wallet(index), "check")

  beforeAll(async () => {
    const devnet = await startTempoTestDevnet()
    stop = devnet.stop
    harness = await createTaskHarness({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId, chain: tempo })
    const funder = createWallet(devnet.accounts[0]?.privateKey ?? "").unwrap()
    wallets = harness.newWallets(6)
    ;(await harness.fund(createTip20FundingHook({ sponsor: undefined }), funder, wallets, 10n ** 6n)).unwrap()
  })
  afterAll(async () => {
    await harness?.close()
    await stop()
  })

  it("tip20_create_token creates a USD TIP-20 administered by the wallet and records it", async () => {
    const outcome = (await harness.run(tip20CreateToken, wallet(0))).unwrap()
    const address = /at (0x[0-9a-fA-F]{40})/.exec(outcome.notes[0] ?? "")?.[1] ?? ""
    expect(address.toLowerCase().startsWith("0x20c0")).toBe(true)
    const assets = (await reader(0).database.assetsByKind({ kind: "tip20" })).unwrap()
    expect(assets.map((asset) => asset.address)).toEqual([address])
    expect(assets[0]?.wallet).toBe(wallet(0).address)
    const currency = (
      await readValue<string>(reader(0), address, tip20Interface.encodeFunctionData("currency"), "string")
    ).unwrap()
    expect(currency).toBe("USD")
  })

  it("tip20_grant_issuer_and_mint reuses the wallet's token, grants the role and mints", async () => {
    const outcome = (await harness.run(tip20GrantIssuerAndMint, wallet(0))).unwrap()
    expect(outcome.transactions).toHaveLength(1) // the token of the previous test was reused
    const [token] = (await reader(0).database.assetsByKind({ kind: "tip20" })).unwrap()
    const hasRole = await readValue<boolean>(
      reader(0),
      token?.address ?? "",
      tip20Interface.encodeFunctionData("hasRole", [wallet(0).address, tip20IssuerRole]),
      "bool",
    )
    expect(hasRole.unwrap()).toBe(true)
    const minted = BigInt(/minted (\d+)/.exec(outcome.notes[0] ?? "")?.[1] ?? "-1")
    expect((await readBalance(reader(0), token?.address ?? "", wallet(0).address)).unwrap()).toBe(minted)
  })

  it("tip20_mint_with_memo creates a token for a new wallet and mints with a memo", async () => {
    const outcome = (await harness.run(tip20MintWithMemo, wallet(1))).unwrap()
    expect(outcome.transactions).toHaveLength(2) // creation + batch [grantRole, mintWithMemo]
    expect(outcome.notes[0]).toMatch(/with memo 0x[0-9a-f]{64}$/)
  })

  it("tip20_burn mints then burns in one batch when the balance is empty", async () => {
    const outcome = (await harness.run(tip20Burn, wallet(2))).unwrap()
    expect(outcome.transactions).toHaveLength(2)
    const [token] = (await reader(2).database.assetsByKind({ kind: "tip20" }))
      .unwrap()
      .filter((asset) => asset.wallet === wallet(2).address)
    // minted exactly what it burned
    expect((await readBalance(reader(2), token?.address ?? "", wallet(2).address)).unwrap()).toBe(0n)
  })

  it("tip20_transfer_created_token pays its fee in pathUSD, not in the new token", async () => {
    const before = (await readBalance(reader(3), tempoAddresses.pathUsd, wallet(3).address)).unwrap()
    const outcome = (await harness.run(tip20TransferCreatedToken, wallet(3))).unwrap()
    expect(outcome.transactions).toHaveLength(2)
    const after = (await readBalance(reader(3), tempoAddresses.pathUsd, wallet(3).address)).unwrap()
    expect(after).toBeLessThan(before)
  })

  it("tip403_policy_whitelist creates a policy and authorizes a member", async () => {
    const outcome = (await harness.run(tip403PolicyWhitelist, wallet(4))).unwrap()
    const [, policy, member] =
      /policy (\d+) whitelists (0x[0-9a-fA-F]{40})/.exec(outcome.notes[0] ?? "") ?? []
    const authorized = await readValue<boolean>(
      reader(4),
      tempoAddresses.tip403Registry,
      tip403RegistryInterface.encodeFunctionData("isAuthorized", [BigInt(policy ?? "0"), member]),
      "bool",
    )
    expect(authorized.unwrap()).toBe(true)
    const outsider = await readValue<boolean>(
      reader(4),
      tempoAddresses.tip403Registry,
      tip403RegistryInterface.encodeFunctionData("isAuthorized", [BigInt(policy ?? "0"), wallet(5).address]),
      "bool",
    )
    expect(outsider.unwrap()).toBe(false)
  })
})
