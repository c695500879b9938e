import { type ChildProcess, spawn } from "node:child_process"
import {
  type DevnetErrorType,
  DevnetFailedToStartError,
  type DevnetFailedToStartErrorType,
  DevnetNotReadyError,
  type DevnetNotReadyErrorType,
  DevnetPortInUseError,
  type DevnetPortInUseErrorType,
} from "../errors/devnet.js"
import { Err, Ok, type Result } from "../result.js"
import { buildAnvilArguments } from "./buildAnvilArguments.js"
import { type DevAccount, getDevAccounts } from "./devAccounts.js"
import { type DevnetOptions, type ResolvedDevnetOptions, resolveDevnetOptions } from "./devnetOptions.js"
import { findFreePort } from "./findFreePort.js"
import { type TrackedDevnet, trackDevnet, untrackDevnet } from "./processRegistry.js"
import { type AnvilCommand, resolveAnvilBinary } from "./resolveAnvilBinary.js"
import { waitForReady } from "./waitForReady.js"

/**
 * A running embedded anvil. Stop it with `stop()`; it is also stopped when the process exits,
 * is signalled, or crashes.
 *
 * @example
 * const devnet: Devnet = (await startDevnet({ chainId: 31337 })).unwrap()
 * await devnet.stop()
 */
export type Devnet = {
  /** `http://127.0.0.1:<port>` */
  readonly rpcUrl: string
  readonly chainId: number
  readonly port: number
  /** PID of the anvil process (or of its node wrapper when only the wrapper was found). */
  readonly pid: number
  /** anvil's pre-funded dev accounts (well-known keys of the default mnemonic; devnet only). */
  readonly accounts: readonly DevAccount[]
  /** The anvil flags used. */
  readonly arguments: readonly string[]
  /** The last few KB anvil wrote to stderr (diagnostics). */
  stderr(): string
  /** SIGTERM, then SIGKILL after the grace period; resolves when the process has exited. Idempotent. */
  stop(): Promise<void>
}

const stderrLimit = 16 * 1024
const portInUsePattern = /address already in use|os error (98|48|10048)|EADDRINUSE/i

/**
 * Starts anvil on a free 127.0.0.1 port and waits until it answers `eth_chainId`.
 *
 * @example
 * const started = await startDevnet({ chainId: 42431, network: "tempo", hardfork: "T4" })
 * if (started.isErr()) throw started.error
 * const devnet = started.value
 * try { console.log(devnet.rpcUrl, devnet.accounts[0]?.address) } finally { await devnet.stop() }
 */
export async function startDevnet(options: DevnetOptions): Promise<Result<Devnet, DevnetErrorType>> {
  const resolved = resolveDevnetOptions(options)
  const binary = resolveAnvilBinary(resolved.environment)
  if (binary.isErr()) return binary
  const attempts = resolved.port === undefined ? Math.max(1, resolved.portAttempts) : 1
  let lastPortError: DevnetPortInUseErrorType | undefined
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const port = resolved.port ?? (await (resolved.choosePort ?? (() => findFreePort("127.0.0.1")))())
    const launched = await launch(binary.value, resolved, port)
    if (launched.isOk()) return launched
    if (launched.error.name !== "DevnetFailedToStartError" || !portInUsePattern.test(launched.error.stderr)) {
      return launched
    }
    lastPortError = new DevnetPortInUseError({
      port,
      attempts: attempt,
      cause: launched.error,
    }) as DevnetPortInUseErrorType
  }
  return Err(lastPortError!)
}

async function launch(
  binary: AnvilCommand,
  options: ResolvedDevnetOptions,
  port: number,
): Promise<Result<Devnet, DevnetFailedToStartErrorType | DevnetNotReadyErrorType>> {
  const anvilArguments = buildAnvilArguments(options, port)
  const rpcUrl = `http://127.0.0.1:${port}`
  let child: ChildProcess
  try {
    child = spawn(binary.command, [...binary.prefixArguments, ...anvilArguments], {
      stdio: ["ignore", "ignore", "pipe"],
      // Its own process group: a terminal's Ctrl-C (SIGINT to the foreground group) reaches only
      // us, so the runner can drain receipts while anvil still runs; we stop anvil afterwards.
      detached: true,
      windowsHide: true,
    })
  } catch (cause) {
    return Err(failed({ stderr: "", arguments: anvilArguments, cause }))
  }

  let stderr = ""
  child.stderr?.setEncoding("utf8")
  child.stderr?.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-stderrLimit)
  })

  let spawnError: unknown
  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined
  // "close" waits for stderr to be drained too, so the error message is complete.
  const exited = new Promise<void>((resolve) => {
    child.once("error", (error) => {
      spawnError = error
      if (child.pid === undefined) resolve()
    })
    child.once("close", (code, signal) => {
      exitInfo = { code, signal }
      resolve()
    })
  })

  let stopping: Promise<void> | undefined
  const tracked: TrackedDevnet = {
    pid: child.pid ?? -1,
    killNow() {
      if (exitInfo !== undefined || child.pid === undefined) return
      // The whole group: with the node wrapper, anvil is the wrapper's child in that group.
      signalGroup(child, "SIGKILL")
    },
    stop() {
      stopping ??= stopProcess(child, exited, () => exitInfo !== undefined, options.stopGraceMs)
      return stopping
    },
  }
  if (child.pid !== undefined) {
    trackDevnet(tracked)
    void exited.then(() => untrackDevnet(tracked))
  }
  // anvil must not keep the event loop alive on its own: the exit hook stops it.
  child.unref()
  ;(child.stderr as unknown as { unref?: () => void } | null)?.unref?.()

  const outcome = await waitForReady({ rpcUrl, timeoutMs: options.readyTimeoutMs, exited })
  if (outcome.kind === "ready") {
    return Ok({
      rpcUrl,
      chainId: outcome.chainId,
      port,
      pid: tracked.pid,
      accounts: getDevAccounts(options.accounts),
      arguments: anvilArguments,
      stderr: () => stderr,
      stop: tracked.stop,
    })
  }
  if (outcome.kind === "exited") {
    return Err(
      failed({
        stderr,
        exitCode: exitInfo?.code ?? null,
        signal: exitInfo?.signal ?? null,
        arguments: anvilArguments,
        cause: spawnError,
      }),
    )
  }
  await tracked.stop()
  return Err(
    new DevnetNotReadyError({ rpcUrl, timeoutMs: options.readyTimeoutMs, stderr }) as DevnetNotReadyErrorType,
  )
}

function failed(
  parameters: ConstructorParameters<typeof DevnetFailedToStartError>[0],
): DevnetFailedToStartErrorType {
  return new DevnetFailedToStartError(parameters) as DevnetFailedToStartErrorType
}

async function stopProcess(
  child: ChildProcess,
  exited: Promise<void>,
  hasExited: () => boolean,
  graceMs: number,
): Promise<void> {
  if (hasExited() || child.pid === undefined) return
  // The child (and its stderr pipe) are unref'd while running; while stopping, the event loop must
  // wait for their close, or a caller's `await stop()` can end with the process instead of resolving.
  child.ref()
  ;(child.stderr as unknown as { ref?: () => void } | null)?.ref?.()
  signalGroup(child, "SIGTERM")
  let timer: NodeJS.Timeout | undefined
  const graceOver = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), graceMs)
  })
  const first = await Promise.race([exited.then(() => "exited" as const), graceOver])
  clearTimeout(timer)
  if (first === "timeout" && !hasExited()) {
    signalGroup(child, "SIGKILL")
    await exited
  }
}

/** Signals the child's process group (it leads one: spawned detached); the child alone on Windows. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    if (process.platform === "win32") child.kill(signal)
    else process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}
