import { describe, expect, it } from "vitest"
import * as funding from "./index.js"

describe("funding barrel", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(funding).sort()).toMatchInlineSnapshot(`
      [
        "FundingInsufficientBalanceError",
        "FundingNoFunderError",
        "FundingPlanUnderfundedError",
        "FundingTransactionFailedError",
        "checkPlanFunding",
        "defaultFundingTarget",
        "estimatePlanSpend",
        "fundWallets",
        "fundingTaskName",
        "nativeFundingHook",
        "reclaimFunds",
      ]
    `)
  })
})
