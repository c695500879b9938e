import { deepFreeze } from "./freeze.js"
import type { ConfigLayer } from "./layer.js"
import type { ConfigInput } from "./types.js"

/**
 * The lowest-precedence layer: what a run uses when neither flags, environment nor file say
 * otherwise. `database` keeps a `{chain}` placeholder that `resolveDatabaseUrl` fills in.
 *
 * @example
 * configDefaults.targetTps // 10
 */
export const configDefaults = deepFreeze({
  rpcUrls: [],
  rpc: { maxOutageSeconds: 60, timeoutMs: 10_000 },
  targetTps: 10,
  workers: 10,
  wallets: { count: 10, sources: [] },
  minDelayMs: 0,
  maxDelayMs: 0,
  taskWeights: {},
  taskTimeoutMs: 180_000,
  leaseCooldownMs: 0,
  proxies: { urls: [], mode: "sticky", directFallback: false, banSeconds: 1800 },
  database: "./data/{chain}.db",
  logLevel: "info",
  blockTimeSeconds: 1,
  gas: { priorityFeeMultiplier: 1, baseFeeMultiplier: 2, replacementBumpPercent: 10 },
} as const satisfies ConfigInput)

/**
 * The database location of a run for one chain: the `{chain}` placeholder of
 * `config.database` (present in the default `./data/{chain}.db`) replaced by the chain's name.
 *
 * @example
 * resolveDatabaseUrl({ database: "./data/{chain}.db" }, "tempo") // "./data/tempo.db"
 */
export function resolveDatabaseUrl(config: { readonly database: string }, chainName: string): string {
  return config.database.replaceAll("{chain}", chainName)
}

/**
 * The defaults as the lowest layer (shown in TOML names: the defaults are documented by TOML name).
 *
 * @example
 * validateConfigLayers([defaultsLayer, fileLayer])
 */
export const defaultsLayer: ConfigLayer = {
  values: configDefaults as unknown as Record<string, unknown>,
  naming: "toml",
  sourceOf: () => ({ kind: "defaults" }),
}
