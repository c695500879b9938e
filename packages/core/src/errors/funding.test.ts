import { describe, expect, it } from "vitest"
import {
  FundingInsufficientBalanceError,
  FundingNoFunderError,
  FundingTransactionFailedError,
} from "./funding.js"

describe("funding errors", () => {
  it("FundingInsufficientBalanceError shows needed vs available", () => {
    const error = new FundingInsufficientBalanceError({
      funder: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
      needed: 5_250_000_000_000_000_000n,
      available: 1_000_000_000_000_000_000n,
      symbol: "ETH",
      decimals: 18,
    })
    expect(error.code).toBe("FUNDING_INSUFFICIENT_BALANCE")
    expect(error.needed - error.available).toBe(4_250_000_000_000_000_000n)
    expect(error.message).toMatchInlineSnapshot(`
      "The funder 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 cannot fund the worker wallets.

      Top up the funder, lower the per-wallet funding target, or use fewer wallets.

      Details: needed 5.25 ETH, available 1 ETH, missing 4.25 ETH"
    `)
  })
  it("FundingTransactionFailedError", () => {
    const error = new FundingTransactionFailedError({
      recipient: "0x1234",
      reason: "reverted",
      hash: "0xdead",
    })
    expect(error.code).toBe("FUNDING_TRANSACTION_FAILED")
    expect(error.message).toMatchInlineSnapshot(`
      "Funding 0x1234 failed: reverted.

      Details: transaction 0xdead"
    `)
  })
  it("FundingNoFunderError", () => {
    const error = new FundingNoFunderError({ walletsBelowTarget: 12 })
    expect(error.code).toBe("FUNDING_NO_FUNDER")
    expect(error.message).toMatchInlineSnapshot(`
      "12 wallet(s) are below the funding target and no funder is configured.

      Set TESTNET_FUNDER_KEY, or fund the wallets yourself and set the funding target to 0."
    `)
  })

  it("FundingNoFunderError for a funding command", () => {
    expect(new FundingNoFunderError({ command: "tempo wallets fund" }).message).toMatchInlineSnapshot(`
      "\`tempo wallets fund\` needs a funder and none is configured.

      Set TESTNET_FUNDER_KEY to the funder's private key (environment only, never a flag)."
    `)
    expect(
      new FundingNoFunderError({ command: "tempo wallets reclaim", receiver: true }).message,
    ).toMatchInlineSnapshot(`
      "\`tempo wallets reclaim\` needs a funder and none is configured.

      Set TESTNET_FUNDER_ADDRESS (or TESTNET_FUNDER_KEY): the account that receives what is left."
    `)
  })
})
