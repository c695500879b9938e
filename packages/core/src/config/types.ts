/**
 * Where a run gets its wallets from. Secrets (the mnemonic phrase) are redacted by
 * `redactConfig` and never appear in errors.
 *
 * @example
 * const sources: WalletSourceConfig[] = [
 *   { kind: "keystore", path: "./keystores" },
 *   { kind: "mnemonic", count: 50 }, // phrase from TESTNET_MNEMONIC
 * ]
 */
export type WalletSourceConfig =
  /** One encrypted JSON keystore, or a directory of them. */
  | { readonly kind: "keystore"; readonly path: string }
  /** A text file with one private key per line. */
  | { readonly kind: "keys-file"; readonly path: string }
  /** `count` accounts derived from a BIP-39 phrase (`phrase`, else TESTNET_MNEMONIC). */
  | {
      readonly kind: "mnemonic"
      readonly phrase?: string
      /** Derivation path prefix; the wallet module's default (m/44'/60'/0'/0) when absent. */
      readonly path?: string
      readonly count: number
    }
  /** Private keys from an environment variable (comma-separated). */
  | { readonly kind: "environment"; readonly variable: string }

/**
 * How proxies are assigned to wallets: one per wallet (`sticky`) or a new one per request (`rotate`).
 *
 * @example
 * const mode: ProxyMode = "sticky"
 */
export type ProxyMode = "sticky" | "rotate"

/**
 * Logger verbosity.
 *
 * @example
 * const level: LogLevel = "debug"
 */
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "silent"

/**
 * A validated, deeply frozen run configuration. Build it with `loadConfig` (file + environment
 * + flags) or `parseConfig` (an object); docs/configuration.md lists every key with its TOML
 * name, environment variable and default.
 *
 * @example
 * const result = await loadConfig({ file: "testnet.toml" })
 * if (result.isOk()) console.log(result.value.targetTps)
 */
export type Config = {
  /** JSON-RPC endpoints (http, https, ws, wss). Empty: run on the embedded devnet. */
  readonly rpcUrls: readonly string[]
  readonly rpc: {
    /** A run whose endpoints have all been silent this long stops and exits 1 (default 60). */
    readonly maxOutageSeconds: number
    /** Per-request timeout of the RPC client, in milliseconds (default 10 000). */
    readonly timeoutMs: number
  }
  /** Expected chain id; the runner checks it against the node when given. */
  readonly chainId?: number
  /** Transactions per second the scheduler aims for (open loop). */
  readonly targetTps: number
  /** Concurrent workers (maximum tasks in flight). */
  readonly workers: number
  readonly wallets: {
    /** How many wallets the run uses. */
    readonly count: number
    readonly sources: readonly WalletSourceConfig[]
    /**
     * Salt of the worker wallets derived from the funder key when no source is configured
     * (default: the chain's name). Not secret: the wallets are as secret as the funder key.
     */
    readonly seed?: string
  }
  /** Minimum pause between two tasks of one worker, in milliseconds. */
  readonly minDelayMs: number
  /** Maximum pause between two tasks of one worker, in milliseconds (≥ minDelayMs). */
  readonly maxDelayMs: number
  /** Weight per task name; empty means the catalog's own weights. */
  readonly taskWeights: Readonly<Record<string, number>>
  /** Only these tasks run (by name) when given. */
  readonly tasks?: readonly string[]
  /** A task that has not finished after this many milliseconds fails with a timeout. */
  readonly taskTimeoutMs: number
  /** A wallet rests this long after its lease is released, in milliseconds. */
  readonly leaseCooldownMs: number
  readonly proxies: {
    /** Proxy URLs (http, https, socks4, socks5, socks5h), optionally with `user:password@`. */
    readonly urls: readonly string[]
    /** A file with one proxy URL per line, read by the proxy manager. */
    readonly file?: string
    readonly mode: ProxyMode
    /** Send directly when every proxy is banned, instead of failing. */
    readonly directFallback: boolean
    /** How long a failing proxy stays banned, in seconds (default 1800). */
    readonly banSeconds: number
  }
  /** SQLite path, ":memory:" or a postgres:// URL. `{chain}` is replaced by the chain's name. */
  readonly database: string
  /** Stop after this many seconds. */
  readonly durationSeconds?: number
  /** Stop after this many tasks. */
  readonly count?: number
  /** Seed of the run's random choices, for reproducible runs. */
  readonly seed?: number
  /** The account that funds the run's wallets. */
  readonly funder?: {
    /** Secret. Prefer TESTNET_FUNDER_KEY over writing it in a file. */
    readonly key?: string
    /** Checksummed address (used when the key is held elsewhere, e.g. a devnet account). */
    readonly address?: string
  }
  readonly logLevel: LogLevel
  /** Block time of the embedded devnet, in seconds (fractions allowed). */
  readonly blockTimeSeconds: number
  readonly gas: {
    /** Multiplier applied to the node's suggested priority fee. */
    readonly priorityFeeMultiplier: number
    /** maxFeePerGas = baseFee × baseFeeMultiplier + priority fee. */
    readonly baseFeeMultiplier: number
    /** Hard cap on maxFeePerGas, in wei. */
    readonly maxFeePerGas?: bigint
    /** Floor for the priority fee, in wei. */
    readonly minPriorityFee?: bigint
    /** Fee increase when replacing a stuck transaction, in percent. */
    readonly replacementBumpPercent: number
  }
}

type Mutable<T> = T extends bigint | string | number | boolean
  ? T
  : T extends readonly (infer Item)[]
    ? Mutable<Item>[]
    : { -readonly [Key in keyof T]: Mutable<T[Key]> }

type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [Key in keyof T]?: DeepPartial<T[Key]> }
    : T

type AmountInput = bigint | number | string

/**
 * What a caller may write: every field optional (defaults fill the rest), wallet sources as
 * whole entries, and fee amounts also as numbers or strings such as `"30 gwei"`.
 *
 * @example
 * const input: ConfigInput = { targetTps: 50, gas: { maxFeePerGas: "100 gwei" } }
 */
export type ConfigInput = DeepPartial<
  Omit<Mutable<Config>, "gas"> & {
    gas: Omit<Mutable<Config["gas"]>, "maxFeePerGas" | "minPriorityFee"> & {
      maxFeePerGas?: AmountInput
      minPriorityFee?: AmountInput
    }
  }
>
