import { secretFieldNames } from "../redaction/secretNames.js"

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
