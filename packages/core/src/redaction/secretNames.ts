/**
 * Field names whose values are secrets, as they are spelled in objects the framework logs. The
 * logger censors exactly these names (pino paths are literal); {@link isSecretFieldName} accepts
 * every one of them and more spellings.
 *
 * @example
 * secretFieldNames.includes("password") // true
 */
export const secretFieldNames = [
  "privateKey",
  "privateKeys",
  "key",
  "password",
  "passphrase",
  "mnemonic",
  "phrase",
  "secret",
  "apiKey",
  "authorization",
  "Authorization",
  "cookie",
  "funderKey",
] as const

// Whole names that are secrets only on their own ("key", not "nonceKey" or "feeToken").
const exactNames = new Set(["key", "phrase", "cookie"])
// Words that make any name containing them a secret ("dbPassword", "clientSecret", "basicAuth").
const containedWords = [
  "privatekey",
  "secret",
  "password",
  "passphrase",
  "mnemonic",
  "apikey",
  "funderkey",
  "auth",
]

/**
 * True when a field of this name holds a secret, in any spelling (`private_key`, `privateKey`,
 * `PRIVATE-KEY`). Used for config key paths in error messages and for the run's config snapshot.
 *
 * @example
 * isSecretFieldName("private_key") // true
 * isSecretFieldName("dbPassword") // true
 * isSecretFieldName("nonceKey") // false
 */
export function isSecretFieldName(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[_-]/g, "")
  return exactNames.has(normalized) || containedWords.some((word) => normalized.includes(word))
}
