import { getTempoNetwork, type TempoNetworkName, tempoNetworkNames } from "./networks.js"

/**
 * Defaults of `tempo start` on the embedded devnet when neither a flag, a config file nor a
 * TESTNET_* variable sets them: 60 s at 30 task starts/s (sustainable by the pure-JS signer on
 * two cores), 100 tasks in flight over 150 wallets (a wallet stays leased until its
 * transactions settle, ~1–3 s with 1 s blocks).
 *
 * @example
 * tempoStartDefaults.durationSeconds // 60
 */
export const tempoStartDefaults = Object.freeze({
  durationSeconds: 60,
  targetTps: 30,
  workers: 100,
  wallets: 150,
})

/**
 * The command line after Tempo's own handling, and the network it selected.
 *
 * @example
 * const { network, argv } = prepareTempoArguments(process.argv.slice(2), process.env)
 */
export type PreparedTempoArguments =
  | { readonly ok: true; readonly network: TempoNetworkName | undefined; readonly argv: readonly string[] }
  | { readonly ok: false; readonly message: string }

function hasOption(argv: readonly string[], names: readonly string[]): boolean {
  return argv.some((argument) => names.some((name) => argument === name || argument.startsWith(`${name}=`)))
}

function isSet(environment: Readonly<Record<string, string | undefined>>, variable: string): boolean {
  const value = environment[variable]
  return value !== undefined && value !== ""
}

/**
 * Tempo's additions to core's CLI, applied before it parses (a bare `--`, as `pnpm start -- …`
 * passes it on, is dropped):
 * - `--network <presto|moderato|devnet|localnet>` selects a public network: its RPC URL and chain
 *   id are added unless `--rpc-url` / `--chain-id` are given (without it: the embedded devnet).
 * - `start` gets a 60 s duration unless a flag, TESTNET_* variable or the config file
 *   (`configFileStops`: it sets duration_seconds or count) says when to stop; on the embedded
 *   devnet without a config file also a load shape this machine sustains ({@link tempoStartDefaults}).
 *
 * @example
 * prepareTempoArguments(["start", "--network", "moderato"], {})
 * // { ok: true, network: "moderato", argv: ["start", "--rpc-url", "https://rpc.moderato.tempo.xyz", "--chain-id", "42431", "--duration", "60"] }
 */
export function prepareTempoArguments(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  options: { configFileStops?: boolean } = {},
): PreparedTempoArguments {
  const rest: string[] = []
  let networkName: string | undefined
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string
    // `pnpm start -- --duration 10` passes the separator on; nothing here takes positional "-…" values.
    if (argument === "--") continue
    if (argument === "--network") {
      networkName = argv[index + 1]
      index += 1
    } else if (argument.startsWith("--network=")) networkName = argument.slice("--network=".length)
    else rest.push(argument)
  }
  let network: TempoNetworkName | undefined
  if (networkName !== undefined) {
    const found = getTempoNetwork(networkName)
    if (found === undefined)
      return {
        ok: false,
        message: `unknown network "${networkName}"; known networks: ${tempoNetworkNames().join(", ")}`,
      }
    network = found.name
    const [rpcUrl] = found.rpcUrls
    if (!hasOption(rest, ["--rpc-url"]) && rpcUrl !== undefined) rest.push("--rpc-url", rpcUrl)
    if (!hasOption(rest, ["--chain-id"])) rest.push("--chain-id", String(found.chainId))
  }
  const command = rest.find((argument) => !argument.startsWith("-"))
  if (command !== "start") return { ok: true, network, argv: rest }
  const fromFile = hasOption(rest, ["--config", "-c"])
  const add = (flags: readonly string[], variables: readonly string[], value: string, flag: string) => {
    if (hasOption(rest, flags) || variables.some((variable) => isSet(environment, variable))) return
    rest.push(flag, value)
  }
  if (options.configFileStops !== true)
    add(
      ["--duration", "-d", "--count", "-n"],
      ["TESTNET_DURATION_SECONDS", "TESTNET_COUNT"],
      String(tempoStartDefaults.durationSeconds),
      "--duration",
    )
  // A config file shapes the load itself; only the embedded devnet without one gets Tempo's shape.
  const embedded = !fromFile && !hasOption(rest, ["--rpc-url"]) && !isSet(environment, "TESTNET_RPC_URLS")
  if (embedded) {
    add(["--tps"], ["TESTNET_TARGET_TPS"], String(tempoStartDefaults.targetTps), "--tps")
    add(["--workers", "-w"], ["TESTNET_WORKERS"], String(tempoStartDefaults.workers), "--workers")
    add(["--wallets"], ["TESTNET_WALLETS_COUNT"], String(tempoStartDefaults.wallets), "--wallets")
  }
  return { ok: true, network, argv: rest }
}
