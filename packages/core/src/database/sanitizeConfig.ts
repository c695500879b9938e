import { maskDatabaseUrl } from "./maskUrl.js"

const SECRET_KEY =
  /(private_?key|^key$|secret|password|passphrase|mnemonic|^phrase$|funder_?key|api_?key|auth)/i

/**
 * A JSON-safe copy of a configuration with every secret-looking field replaced by
 * "[redacted]", database URLs' passwords masked and bigints as decimal strings. Used for the
 * `runs.config` snapshot, which must never hold a secret.
 *
 * @example
 * sanitizeConfig({ funder: { key: "0xabc" }, database: "postgres://u:p@h/db", gas: { maxFeePerGas: 10n } })
 * // { funder: { key: "[redacted]" }, database: "postgres://u:***@h/db", gas: { maxFeePerGas: "10" } }
 */
export function sanitizeConfig(value: unknown): unknown {
  return sanitize(value, new WeakSet())
}

function sanitize(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === "bigint") return value.toString()
  if (typeof value === "string") return maskDatabaseUrl(value)
  if (typeof value !== "object" || value === null) return typeof value === "function" ? undefined : value
  if (seen.has(value)) return "[circular]"
  seen.add(value)
  if (Array.isArray(value)) return value.map((item) => sanitize(item, seen))
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) {
      if (item !== undefined) copy[key] = "[redacted]"
      continue
    }
    const sanitized = sanitize(item, seen)
    if (sanitized !== undefined) copy[key] = sanitized
  }
  return copy
}
