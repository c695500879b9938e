import type { Devnet } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTempoTestDevnet } from "../testing/devnet.js"
import { call, developmentAccount, rpc } from "../testing/rpc.js"
import { tempoAddresses, tempoStablecoins, tip20Decimals } from "./addresses.js"
import { encodeGetUserToken, feeManagerInterface } from "./feeManager.js"
import { stablecoinDexInterface } from "./stablecoinDex.js"
import {
  encodeTip20BalanceOf,
  tip20Interface,
  tip20IssuerRole,
  tip20MaximumSupplyCap,
  tip20Roles,
} from "./tip20.js"
import { encodeGetTokenAddress, predictTip20Address, tip20FactoryInterface } from "./tip20Factory.js"
import { tip403RegistryInterface } from "./tip403Registry.js"

describe("Tempo system contracts through raw eth_call on anvil --network tempo", () => {
  let anvil: Devnet

  beforeAll(async () => {
    anvil = await startTempoTestDevnet()
  })

  afterAll(async () => {
    await anvil?.stop()
  })

  const view = async (to: string, iface: typeof tip20Interface, name: string, args: unknown[] = []) =>
    iface.decodeFunctionResult(name, await call(anvil.rpcUrl, to, iface.encodeFunctionData(name, args)))

  it("has code at every system address", async () => {
    for (const [name, address] of Object.entries(tempoAddresses)) {
      const code = await rpc<string>(anvil.rpcUrl, "eth_getCode", [address, "latest"])
      expect(code.length, name).toBeGreaterThan(2)
    }
  })

  it("reads dev0's pathUSD balance (2^64-1) and every stablecoin's metadata", async () => {
    const dev0 = developmentAccount(0).address
    const balance = await call(anvil.rpcUrl, tempoAddresses.pathUsd, encodeTip20BalanceOf(dev0))
    expect(BigInt(balance)).toBe(2n ** 64n - 1n)
    for (const [symbol, address] of Object.entries(tempoStablecoins)) {
      expect((await view(address, tip20Interface, "decimals"))[0], symbol).toBe(BigInt(tip20Decimals))
      expect((await view(address, tip20Interface, "symbol"))[0], symbol).toBe(symbol)
      expect((await view(address, tip20Interface, "currency"))[0], symbol).toBe("USD")
    }
    expect((await view(tempoAddresses.pathUsd, tip20Interface, "ISSUER_ROLE"))[0]).toBe(tip20IssuerRole)
    expect((await view(tempoAddresses.pathUsd, tip20Interface, "PAUSE_ROLE"))[0]).toBe(tip20Roles.pause)
    expect((await view(tempoAddresses.pathUsd, tip20Interface, "UNPAUSE_ROLE"))[0]).toBe(tip20Roles.unpause)
    expect((await view(tempoAddresses.pathUsd, tip20Interface, "BURN_BLOCKED_ROLE"))[0]).toBe(
      tip20Roles.burnBlocked,
    )
    expect((await view(tempoAddresses.alphaUsd, tip20Interface, "supplyCap"))[0]).toBe(tip20MaximumSupplyCap)
  })

  it("reads the factory, fee manager, DEX and TIP-403 views", async () => {
    const dev0 = developmentAccount(0).address
    expect(
      (
        await view(tempoAddresses.tip20Factory, tip20FactoryInterface, "isTIP20", [tempoAddresses.alphaUsd])
      )[0],
    ).toBe(true)
    const predicted = tip20FactoryInterface.decodeFunctionResult(
      "getTokenAddress",
      await call(
        anvil.rpcUrl,
        tempoAddresses.tip20Factory,
        encodeGetTokenAddress(dev0, `0x${"01".repeat(32)}`),
      ),
    )[0] as string
    expect(predicted.toLowerCase()).toMatch(/^0x20c0000000000000000000/)
    // The local prediction the tasks use instead of this read agrees with the factory.
    for (const salt of [`0x${"01".repeat(32)}`, `0x${"ab".repeat(31)}cd`, `0x${"00".repeat(32)}`]) {
      for (const sender of [dev0, developmentAccount(1).address]) {
        const [fromFactory] = tip20FactoryInterface.decodeFunctionResult(
          "getTokenAddress",
          await call(anvil.rpcUrl, tempoAddresses.tip20Factory, encodeGetTokenAddress(sender, salt)),
        )
        expect(predictTip20Address(sender, salt)).toBe(fromFactory)
      }
    }
    const userToken = feeManagerInterface.decodeFunctionResult(
      "userTokens",
      await call(anvil.rpcUrl, tempoAddresses.feeManager, encodeGetUserToken(dev0)),
    )[0]
    expect(userToken).toBe(tempoAddresses.alphaUsd)
    expect((await view(tempoAddresses.stablecoinDex, stablecoinDexInterface, "nextOrderId"))[0]).toBeTypeOf(
      "bigint",
    )
    expect(
      (await view(tempoAddresses.tip403Registry, tip403RegistryInterface, "policyIdCounter"))[0],
    ).toBeTypeOf("bigint")
  })
})
