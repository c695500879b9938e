import { describe, expect, it } from "vitest"
import { describeFee, feeBaseUnits, feeTokenOf, formatUnits, nativeFeeCurrency } from "./feeCurrency.js"

const pathUsd = "0x20c0000000000000000000000000000000000000"
const alphaUsd = "0x20c0000000000000000000000000000000000001"
/** Tempo's shape: no native gas token, 6-decimal stablecoins, prices in 10^-18 USD per gas. */
const stablecoinFees = {
  nativeGasToken: false,
  symbol: "pathUSD",
  decimals: 6,
  priceDivisor: 10n ** 12n,
  defaultToken: pathUsd,
  tokens: { [pathUsd]: { symbol: "pathUSD", decimals: 6 }, [alphaUsd]: { symbol: "AlphaUSD", decimals: 6 } },
}

describe("fee currency", () => {
  it("formats base units as units", () => {
    expect(formatUnits(1_500_000n, 6)).toBe("1.5")
    expect(formatUnits(42n, 6)).toBe("0.000042")
    expect(formatUnits(12_000_000n, 6)).toBe("12")
    expect(formatUnits(0n, 18)).toBe("0")
    expect(formatUnits(123n, 0)).toBe("123")
  })

  it("charges a stablecoin chain in token base units: gas × price / 10^12", () => {
    // 21 000 gas at 20 gwei-equivalent = 4.2e14 attodollars = 420 µUSD = 0.00042 pathUSD.
    expect(feeBaseUnits(21_000n, 20_000_000_000n, stablecoinFees)).toBe(420n)
    expect(describeFee(pathUsd, 420n, stablecoinFees)).toEqual({
      token: pathUsd,
      symbol: "pathUSD",
      decimals: 6,
      amount: "420",
      units: "0.00042",
    })
    expect(describeFee(alphaUsd, 1_000_000n, stablecoinFees).symbol).toBe("AlphaUSD")
  })

  it("never says native on a chain without a native gas token", () => {
    expect(feeTokenOf(null, stablecoinFees)).toBe(pathUsd)
    expect(feeTokenOf("0x20C0000000000000000000000000000000000001", stablecoinFees)).toBe(alphaUsd)
    const eth = nativeFeeCurrency({ symbol: "ETH", decimals: 18 })
    expect(feeTokenOf(null, eth)).toBe("native")
    expect(describeFee("native", 21_000n * 10n ** 9n, eth)).toMatchObject({
      symbol: "ETH",
      units: "0.000021",
    })
  })
})
