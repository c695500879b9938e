import { type ChildProcess, spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"

/**
 * How one `tempo start` ended.
 *
 * @example
 * const outcome: CliOutcome = await run.done
 * expect(outcome.exitCode, outcome.stderr).toBe(0)
 */
export type CliOutcome = {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  elapsedMs: number
  /** Killed by the suite's own deadline. */
  timedOut: boolean
}

/**
 * What a `tempo start` of the suite needs.
 *
 * @example
 * const parameters: TempoStartParameters = { rpcUrl, configPath, databasePath, durationSeconds: 15, tps: 10,
 *   seed: 1, funderKey, mnemonic, deadlineMs: 90_000 }
 */
export type TempoStartParameters = {
  rpcUrl: string
  configPath: string
  databasePath: string
  durationSeconds: number
  tps: number
  seed: number
  /** TESTNET_FUNDER_KEY: an anvil dev key. */
  funderKey: string
  /** TESTNET_MNEMONIC: the phrase of the config's mnemonic wallet source. */
  mnemonic: string
  extraArguments?: readonly string[]
  /** SIGKILL after this long (the suite must never hang). */
  deadlineMs: number
}

/**
 * A started CLI process.
 *
 * @example
 * const run: StartedCli = startTempoCli(parameters)
 * process.kill(run.pid, "SIGKILL")
 */
export type StartedCli = { pid: number; child: ChildProcess; done: Promise<CliOutcome> }

const started = new Set<ChildProcess>()

/**
 * The built bin of a chain (`chains/<chain>/dist/bin.js`); build it first with
 * `pnpm --filter @testnet/<chain>... build`.
 *
 * @example
 * spawn(process.execPath, [chainBinPath("tempo"), "--help"])
 */
export function chainBinPath(chain: "tempo" | "risechain"): string {
  const bin = fileURLToPath(new URL(`../../../chains/${chain}/dist/bin.js`, import.meta.url))
  if (!existsSync(bin))
    throw new Error(`${bin} is missing: run \`pnpm --filter @testnet/${chain}... build\` first`)
  return bin
}

/** The parent's environment without any TESTNET_* setting, so only the suite's values reach the CLI. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("TESTNET_")))
}

/**
 * Starts `node chains/tempo/dist/bin.js start …` as a user would, with the funder key and the
 * mnemonic in the environment and JSON output (`--json`: progress lines, then the summary).
 *
 * @example
 * const outcome = await startTempoCli({ rpcUrl: proxy.url, configPath, databasePath, durationSeconds: 15, tps: 10,
 *   seed: 1, funderKey: anvilDevKey(1), mnemonic, deadlineMs: 90_000 }).done
 */
export function startTempoCli(parameters: TempoStartParameters): StartedCli {
  const argumentsList = [
    "start",
    "--rpc-url",
    parameters.rpcUrl,
    "-c",
    parameters.configPath,
    "--duration",
    String(parameters.durationSeconds),
    "--tps",
    String(parameters.tps),
    "--db",
    parameters.databasePath,
    "--seed",
    String(parameters.seed),
    "--no-report",
    "--json",
    ...(parameters.extraArguments ?? []),
  ]
  return startChainCli({
    chain: "tempo",
    argv: argumentsList,
    environment: { TESTNET_FUNDER_KEY: parameters.funderKey, TESTNET_MNEMONIC: parameters.mnemonic },
    deadlineMs: parameters.deadlineMs,
  })
}

/**
 * Starts `node chains/<chain>/dist/bin.js ARGV` as a user would: only the given TESTNET_* variables
 * reach it (none of the parent's), SIGKILLed at the deadline so a test never hangs.
 *
 * @example
 * const outcome = await startChainCli({ chain: "risechain", argv: ["wallets", "list", "--json"], environment: { TESTNET_FUNDER_KEY: key }, deadlineMs: 20_000 }).done
 */
export function startChainCli(parameters: {
  chain: "tempo" | "risechain"
  argv: readonly string[]
  environment: Record<string, string>
  cwd?: string
  deadlineMs: number
}): StartedCli {
  const startedAt = performance.now()
  const child = spawn(process.execPath, [chainBinPath(parameters.chain), ...parameters.argv], {
    ...(parameters.cwd === undefined ? {} : { cwd: parameters.cwd }),
    env: { ...cleanEnvironment(), ...parameters.environment, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  })
  if (child.pid === undefined) throw new Error(`the ${parameters.chain} CLI did not start`)
  started.add(child)
  let stdout = ""
  let stderr = ""
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8")
  })
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8")
  })
  let timedOut = false
  const deadline = setTimeout(() => {
    timedOut = true
    child.kill("SIGKILL")
  }, parameters.deadlineMs)
  const done = new Promise<CliOutcome>((resolve) => {
    child.once("close", (exitCode, signal) => {
      clearTimeout(deadline)
      started.delete(child)
      resolve({ exitCode, signal, stdout, stderr, elapsedMs: performance.now() - startedAt, timedOut })
    })
  })
  return { pid: child.pid, child, done }
}

/**
 * SIGKILLs every CLI this module started that is still running (for `afterAll`, by PID).
 *
 * @example
 * afterAll(() => killStartedClis())
 */
export function killStartedClis(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
}
