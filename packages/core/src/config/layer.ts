import type { ConfigValueSource } from "../errors/config.js"
import type { KeyNaming, KeyPath } from "./keys.js"

/**
 * One source of config values (defaults, a TOML file, the environment, flags, an object), in
 * TypeScript names. It knows how to describe where a given key path came from, so a
 * validation error on the merged config can name the file line or the environment variable.
 *
 * @example
 * const flags: ConfigLayer = { values: { targetTps: 50 }, naming: "typescript", sourceOf: () => ({ kind: "flags" }) }
 */
export type ConfigLayer = {
  readonly values: Record<string, unknown>
  /** How key paths from this layer are shown to people. */
  readonly naming: KeyNaming
  sourceOf(path: KeyPath): ConfigValueSource
  /**
   * True for a layer that fills single leaves into entries owned by another layer (the phrase
   * from TESTNET_MNEMONIC): it only claims exact paths, never their parents.
   */
  readonly leavesOnly?: boolean
}
