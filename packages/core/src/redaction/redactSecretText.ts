import { redactedPlaceholder } from "./placeholder.js"

/**
 * Removes secrets that can hide inside a plain string: the password of a URL
 * (`scheme://user:password@host`), query parameters named like a key or token, bare 32-byte
 * hex strings (private keys) and word lists long enough to be a mnemonic phrase. Unlike
 * {@link maskUrl} it keeps the rest of the text readable, so it suits error messages that
 * quote user input.
 *
 * @example
 * redactSecretText("socks5://alice:hunter2@127.0.0.1:1080") // "socks5://alice:[redacted]@127.0.0.1:1080"
 */
export function redactSecretText(text: string): string {
  return text
    .replace(/\b[a-z]+( +[a-z]+){11,}\b/g, redactedPlaceholder)
    .replace(/(\/\/[^/?#@:\s]*):[^@/?#\s]*@/g, `$1:${redactedPlaceholder}@`)
    .replace(/([?&][^=&#\s]*(?:key|token|secret|password)[^=&#\s]*=)[^&#\s]*/gi, `$1${redactedPlaceholder}`)
    .replace(/(0x)?[0-9a-fA-F]{64}/g, redactedPlaceholder)
}
