/**
 * Number formatting shared by the report's tables (en-US grouping, fixed decimals).
 *
 * @example
 * formatCount(12345) // "12,345"
 */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 0 })
}

/**
 * A rate with one decimal.
 *
 * @example
 * formatRate(12.345) // "12.3"
 */
export function formatRate(value: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })
}

/**
 * A fraction as a percentage with one decimal.
 *
 * @example
 * formatShare(0.987) // "98.7 %"
 */
export function formatShare(value: number | null): string {
  return value === null ? "–" : `${(value * 100).toFixed(1)} %`
}

/**
 * Milliseconds, switching to seconds from 10 s.
 *
 * @example
 * formatMs(812) // "812 ms"
 * formatMs(12_500) // "12.5 s"
 */
export function formatMs(value: number | null, unit: "ms" | "s" = formatMsUnit(value ?? 0)): string {
  if (value === null) return "–"
  return unit === "s" ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`
}

/**
 * The unit {@link formatMs} picks for a value: seconds from 10 s on. Give two values the unit of
 * the larger so they read side by side.
 *
 * @example
 * formatMs(9681, formatMsUnit(23_800)) // "9.7 s"
 */
export function formatMsUnit(value: number): "ms" | "s" {
  return value >= 10_000 ? "s" : "ms"
}

/**
 * A decimal integer string with thousands separators (exact for any size).
 *
 * @example
 * formatBigInteger("1234567") // "1,234,567"
 */
export function formatBigInteger(value: string): string {
  const negative = value.startsWith("-")
  const digits = negative ? value.slice(1) : value
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  return negative ? `-${grouped}` : grouped
}

/**
 * A Unix-millisecond time as an ISO string (UTC).
 *
 * @example
 * formatTime(0) // "1970-01-01 00:00:00Z"
 */
export function formatTime(value: number | null): string {
  return value === null ? "–" : `${new Date(value).toISOString().slice(0, 19).replace("T", " ")}Z`
}
