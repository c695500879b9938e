import { redactedPlaceholder } from "./placeholder.js"

const hexSecret = /^(0x)?[0-9a-fA-F]{16,}$/

/**
 * Builds one case-insensitive pattern matching every secret. A hex secret (a private key) also
 * matches with or without its 0x prefix, in any letter case.
 */
function buildPattern(secrets: readonly string[]): RegExp | undefined {
  const alternatives = new Set<string>()
  for (const secret of secrets) {
    // Very short "secrets" would redact ordinary words; they are not worth hiding anyway.
    if (secret.length < 4) continue
    if (hexSecret.test(secret)) alternatives.add(`(?:0x)?${secret.replace(/^0x/i, "").toLowerCase()}`)
    else alternatives.add(secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
  }
  if (alternatives.size === 0) return undefined
  // Longest first, so that a secret containing another is replaced whole.
  const sorted = [...alternatives].sort((left, right) => right.length - left.length)
  return new RegExp(sorted.join("|"), "gi")
}

/**
 * Replaces every occurrence of the given secrets in `text` with `[redacted]`. Hex secrets are
 * matched with or without `0x` and in any case. Secrets shorter than 4 characters are ignored.
 *
 * @example
 * redactSecrets("key=0xABCDEF0123456789abcdef01", ["abcdef0123456789ABCDEF01"]) // "key=[redacted]"
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const pattern = buildPattern(secrets)
  return pattern === undefined ? text : text.replace(pattern, redactedPlaceholder)
}
