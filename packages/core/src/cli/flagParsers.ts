import { InvalidArgumentError } from "commander"
import { isInShard, type RunShard } from "../runner/load/shard.js"

/**
 * Value parsers for commander options. They throw commander's `InvalidArgumentError`, which the
 * CLI turns into one line `error: option '--tps <n>' argument 'abc' is invalid. …` and exit 2.
 */

/**
 * A whole number ≥ 1.
 *
 * @example
 * parsePositiveInteger("20") // 20
 */
export function parsePositiveInteger(text: string): number {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError("Must be a whole number >= 1.")
  }
  return value
}

/**
 * A whole number ≥ 0.
 *
 * @example
 * parseNonNegativeInteger("0") // 0
 */
export function parseNonNegativeInteger(text: string): number {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new InvalidArgumentError("Must be a whole number >= 0.")
  }
  return value
}

/**
 * A number > 0 (fractions allowed).
 *
 * @example
 * parsePositiveNumber("0.5") // 0.5
 */
export function parsePositiveNumber(text: string): number {
  const value = Number(text)
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError("Must be a number > 0.")
  }
  return value
}

/**
 * A comma-separated list; empty items are dropped. Repeating the flag appends.
 *
 * @example
 * parseList("a, b,,c", ["z"]) // ["z", "a", "b", "c"]
 */
export function parseList(text: string, previous: string[] = []): string[] {
  const items = text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
  if (items.length === 0) throw new InvalidArgumentError("Must be a comma-separated list of names.")
  return [...previous, ...items]
}

/**
 * A repeatable flag: each occurrence appends one value.
 *
 * @example
 * collect("http://b", ["http://a"]) // ["http://a", "http://b"]
 */
export function collect(text: string, previous: string[] = []): string[] {
  return [...previous, text]
}

/**
 * `name=weight` pairs, comma-separated.
 *
 * @example
 * parseWeights("transfer=5,deploy_counter=1") // { transfer: 5, deploy_counter: 1 }
 */
export function parseWeights(text: string, previous: Record<string, number> = {}): Record<string, number> {
  const weights = { ...previous }
  for (const pair of text.split(",")) {
    if (pair.trim() === "") continue
    const [name, value, ...rest] = pair.split("=").map((part) => part.trim())
    const weight = Number(value)
    if (
      name === undefined ||
      name === "" ||
      value === undefined ||
      rest.length > 0 ||
      !Number.isFinite(weight) ||
      weight < 0
    ) {
      throw new InvalidArgumentError(`Expected name=weight pairs with weights >= 0, got "${pair.trim()}".`)
    }
    weights[name] = weight
  }
  return weights
}

/**
 * This machine's slice of a multi-machine run: shard INDEX of COUNT (1-based).
 *
 * @example
 * const shard: Shard = { index: 2, count: 4 }
 */
export type Shard = RunShard

/**
 * What `--shard` holds: a shard, or `auto` (resolved from the environment by the command, see
 * `resolveShardFlag`).
 *
 * @example
 * const flag: ShardFlag = "auto"
 */
export type ShardFlag = Shard | "auto"

/**
 * `INDEX/COUNT`, 1-based, e.g. `2/4` (the second of four machines), or `auto`: the shard of a pod
 * of a Kubernetes Indexed Job, resolved from the command's environment.
 *
 * @example
 * parseShard("2/4") // { index: 2, count: 4 }
 */
export function parseShard(text: string): ShardFlag {
  if (text.trim() === "auto") return "auto"
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (match === null) throw new InvalidArgumentError("Expected INDEX/COUNT, e.g. 1/4.")
  const index = Number(match[1])
  const count = Number(match[2])
  if (count < 1) throw new InvalidArgumentError("COUNT must be >= 1.")
  if (index < 1 || index > count)
    throw new InvalidArgumentError(`INDEX must be between 1 and ${count} (1-based).`)
  return { index, count }
}

/**
 * Whether item `position` (0-based) belongs to the shard: items are dealt round-robin.
 *
 * @example
 * [0, 1, 2, 3, 4].filter((position) => inShard(position, { index: 2, count: 2 })) // [1, 3]
 */
export function inShard(position: number, shard: Shard): boolean {
  return isInShard(position, shard)
}

/**
 * A TCP port, 0–65535 (0: let the OS choose).
 *
 * @example
 * parsePort("9464") // 9464
 */
export function parsePort(text: string): number {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || value > 65_535)
    throw new InvalidArgumentError("Must be a port number 0-65535.")
  return value
}
