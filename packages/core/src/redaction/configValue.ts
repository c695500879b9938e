// Config key paths and values as they may appear in messages: errors/ renders a bad value with
// these, and config/ redacts a whole config with the same secret-path rule.
import { redactedPlaceholder } from "./placeholder.js"
import { redactSecretText } from "./redactSecretText.js"
import { isSecretFieldName } from "./secretNames.js"

/**
 * True when a key path names a secret: its last named segment is a secret field name
 * ({@link isSecretFieldName}: `key`, `private_key` / `privateKey`, `password`, `mnemonic`,
 * `phrase`, …), or the path lies under `funder.key`.
 *
 * @example
 * isSecretKeyPath("funder.key") // true
 * isSecretKeyPath("wallets.sources[0].phrase") // true
 * isSecretKeyPath("target_tps") // false
 */
export function isSecretKeyPath(keyPath: string): boolean {
  const names = keyPath
    .split(/[.[\]]/)
    .filter((segment) => segment !== "" && !/^\d+$/.test(segment))
    .map((segment) => segment.replace(/^"|"$/g, "").toLowerCase())
  if (names[0] === "funder" && names[1] === "key") return true
  const last = names.at(-1)
  return last !== undefined && isSecretFieldName(last)
}

/**
 * Renders a config value for an error message: JSON-like, at most 80 characters, and
 * `[redacted]` for anything under a secret key path (the value is not even inspected).
 *
 * @example
 * formatConfigValue("target_tps", -5) // "-5"
 * formatConfigValue("funder.key", "0xabc…") // "[redacted]"
 */
export function formatConfigValue(keyPath: string, value: unknown): string {
  if (isSecretKeyPath(keyPath)) return redactedPlaceholder
  const text = redactSecretText(describeValue(value))
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing"
  if (typeof value === "bigint") return value.toString()
  if (typeof value === "string") return JSON.stringify(value)
  if (typeof value === "function" || typeof value === "symbol") return typeof value
  try {
    return JSON.stringify(value, (_key, inner: unknown) =>
      typeof inner === "bigint" ? inner.toString() : inner,
    )
  } catch {
    return Object.prototype.toString.call(value)
  }
}
