import { encodeBytes32String, id } from "ethers"
import { describe, expect, it } from "vitest"
import { tempoAddresses } from "./addresses.js"
import { encodeSetUserToken } from "./feeManager.js"
import { encodeGetNonce } from "./nonce.js"
import {
  encodeDexCancel,
  encodeDexCreatePair,
  encodeDexPlace,
  encodeDexSwapExactAmountIn,
  encodeDexWithdraw,
  stablecoinDexInterface,
} from "./stablecoinDex.js"
import { encodeTip20Transfer, encodeTransferWithMemo, tip20Interface, tip20IssuerRole } from "./tip20.js"
import { encodeCreateToken, tip20FactoryInterface } from "./tip20Factory.js"

const recipient = "0x000000000000000000000000000000000000bEEF"
const selector = (signature: string) => id(signature).slice(0, 10)

describe("calldata encoders", () => {
  it("use the canonical selectors", () => {
    expect(encodeTip20Transfer(recipient, 1n).slice(0, 10)).toBe("0xa9059cbb")
    expect(encodeTransferWithMemo(recipient, 1n, encodeBytes32String("x")).slice(0, 10)).toBe(
      selector("transferWithMemo(address,uint256,bytes32)"),
    )
    expect(encodeSetUserToken(tempoAddresses.betaUsd).slice(0, 10)).toBe(selector("setUserToken(address)"))
    expect(encodeGetNonce(recipient, 1n).slice(0, 10)).toBe(selector("getNonce(address,uint256)"))
    expect(encodeDexCreatePair(tempoAddresses.alphaUsd).slice(0, 10)).toBe(selector("createPair(address)"))
    expect(encodeDexCancel(1n).slice(0, 10)).toBe(selector("cancel(uint128)"))
    expect(encodeDexWithdraw(tempoAddresses.pathUsd, 1n).slice(0, 10)).toBe(
      selector("withdraw(address,uint128)"),
    )
    expect(tip20IssuerRole).toBe(id("ISSUER_ROLE"))
  })

  it("round-trip their arguments", () => {
    const memo = encodeBytes32String("invoice-7")
    const transfer = tip20Interface.decodeFunctionData(
      "transferWithMemo",
      encodeTransferWithMemo(recipient, 5n, memo),
    )
    expect([...transfer]).toEqual([recipient, 5n, memo])
    const place = stablecoinDexInterface.decodeFunctionData(
      "place",
      encodeDexPlace({ token: tempoAddresses.alphaUsd, amount: 100_000_000n, isBid: false, tick: -20 }),
    )
    expect([...place]).toEqual([tempoAddresses.alphaUsd, 100_000_000n, false, -20n])
    const swap = stablecoinDexInterface.decodeFunctionData(
      "swapExactAmountIn",
      encodeDexSwapExactAmountIn({
        tokenIn: tempoAddresses.pathUsd,
        tokenOut: tempoAddresses.alphaUsd,
        amountIn: 7n,
        minAmountOut: 6n,
      }),
    )
    expect([...swap]).toEqual([tempoAddresses.pathUsd, tempoAddresses.alphaUsd, 7n, 6n])
    const salt = `0x${"ab".repeat(32)}`
    const created = tip20FactoryInterface.decodeFunctionData(
      "createToken",
      encodeCreateToken({
        name: "Test",
        symbol: "TST",
        currency: "USD",
        quoteToken: tempoAddresses.pathUsd,
        admin: recipient,
        salt,
      }),
    )
    expect([...created]).toEqual(["Test", "TST", "USD", tempoAddresses.pathUsd, recipient, salt])
  })
})
