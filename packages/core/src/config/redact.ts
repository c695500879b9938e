import { maskUrl } from "../redaction/maskUrl.js"
import { redactedPlaceholder } from "../redaction/placeholder.js"
import { deepFreeze } from "./freeze.js"
import type { Config, WalletSourceConfig } from "./types.js"

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
