import { maskUrl } from "../redaction/maskUrl.js"
import { redactedPlaceholder } from "../redaction/placeholder.js"
import { redactSecretText } from "../redaction/redactSecretText.js"
import { isSecretFieldName } from "../redaction/secretNames.js"

/**
 * A JSON-safe copy of a configuration for the `runs.config` snapshot, which must never hold a
 * secret. It takes any value (the runner passes a `Config`, tools may pass partial objects):
 * secret-named fields become `[redacted]`, every string goes through {@link maskUrl} and
 * {@link redactSecretText} (URL credentials, API keys, hex keys, mnemonic-like word lists),
 * bigints become decimal strings and functions are dropped. For a `Config` this hides at least
 * what `redactConfig` hides; it is a separate function because it must accept any shape.
 *
 * @example
 * sanitizeConfig({ funder: { key: "0xabc" }, database: "postgres://u:p@h/db", gas: { maxFeePerGas: 10n } })
 * // { funder: { key: "[redacted]" }, database: "postgres://***:***@h/db", gas: { maxFeePerGas: "10" } }
 */
export function sanitizeConfig(value: unknown): unknown {
  return sanitize(value, new WeakSet())
}

function sanitize(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === "bigint") return value.toString()
  if (typeof value === "string") return maskUrl(redactSecretText(value))
  if (typeof value !== "object" || value === null) return typeof value === "function" ? undefined : value
  if (seen.has(value)) return "[circular]"
  seen.add(value)
  if (Array.isArray(value)) return value.map((item) => sanitize(item, seen))
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (isSecretFieldName(key)) {
      if (item !== undefined) copy[key] = redactedPlaceholder
      continue
    }
    const sanitized = sanitize(item, seen)
    if (sanitized !== undefined) copy[key] = sanitized
  }
  return copy
}
