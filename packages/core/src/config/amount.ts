const unitDecimals = { wei: 0, gwei: 9, ether: 18 } as const

/**
 * Reads a wei amount written as a bigint, a whole number, a digit string, or a decimal with a
 * unit (`"30 gwei"`, `"0.5 ether"`). Returns undefined when the text is not such an amount or
 * has more decimals than the unit allows (amounts are whole wei).
 *
 * @example
 * parseWeiAmount("1.5 gwei") // 1500000000n
 * parseWeiAmount(21000) // 21000n
 * parseWeiAmount("lots") // undefined
 */
export function parseWeiAmount(input: unknown): bigint | undefined {
  if (typeof input === "bigint") return input >= 0n ? input : undefined
  if (typeof input === "number") return Number.isSafeInteger(input) && input >= 0 ? BigInt(input) : undefined
  if (typeof input !== "string") return undefined
  const match = /^\s*(\d+)(?:\.(\d+))?\s*(wei|gwei|ether)?\s*$/i.exec(input)
  if (match === null) return undefined
  const [, whole = "", fraction = "", unit = "wei"] = match
  const decimals = unitDecimals[unit.toLowerCase() as keyof typeof unitDecimals]
  if (fraction.length > decimals) return undefined
  return BigInt(whole + fraction.padEnd(decimals, "0"))
}
