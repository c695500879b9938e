import { maskUrl } from "../redaction/maskUrl.js"
import { redactedPlaceholder } from "../redaction/placeholder.js"
import { redactSecretText } from "../redaction/redactSecretText.js"
import { isSecretFieldName } from "../redaction/secretNames.js"
import { deepFreeze } from "./freeze.js"
import type { Config, WalletSourceConfig } from "./types.js"

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

/**
 * A copy of a config with every secret replaced by `[redacted]` (the funder key, mnemonic
 * phrases) and every RPC, proxy and database URL passed through {@link maskUrl} (credentials,
 * query values and API-key path segments become `***`).
 * Use it before logging a config or storing it with a run.
 *
 * @example
 * const safe = redactConfig(config)
 * safe.funder?.key // "[redacted]" when a key was configured
 * configToToml(safe) // safe to write into the runs table
 */
export function redactConfig(config: Config): Config {
  const { funder, ...rest } = config
  const redacted: Config = {
    ...rest,
    rpcUrls: config.rpcUrls.map(maskUrl),
    database: maskUrl(config.database),
    proxies: { ...config.proxies, urls: config.proxies.urls.map(maskUrl) },
    wallets: { ...config.wallets, sources: config.wallets.sources.map(redactWalletSource) },
    ...(funder === undefined
      ? {}
      : { funder: { ...funder, ...(funder.key === undefined ? {} : { key: redactedPlaceholder }) } }),
  }
  return deepFreeze(redacted)
}

function redactWalletSource(source: WalletSourceConfig): WalletSourceConfig {
  if (source.kind !== "mnemonic" || source.phrase === undefined) return source
  return { ...source, phrase: redactedPlaceholder }
}
