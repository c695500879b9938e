/**
 * Field names whose values are secrets. Matched as whole keys (case variants included), at the top
 * level and nested up to {@link redactionDepth} objects deep.
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

/**
 * How deep nested objects are searched for secret fields.
 *
 * @example
 * getRedactionPaths(["key"], redactionDepth)
 */
export const redactionDepth = 4

/**
 * pino `redact.paths` for {@link secretFieldNames}: `key`, `*.key`, `*.*.key`, …
 *
 * @example
 * getRedactionPaths(["password"], 2) // ["password", "*.password"]
 */
export function getRedactionPaths(
  names: readonly string[] = secretFieldNames,
  depth: number = redactionDepth,
): string[] {
  const paths: string[] = []
  for (let level = 0; level < depth; level++) {
    const prefix = "*.".repeat(level)
    for (const name of names) paths.push(`${prefix}${name}`)
  }
  return paths
}
