/**
 * Runs one command to completion with a deadline, in its own process group so a timeout also
 * ends what it started (an anvil devnet, a package manager's children).
 */
import { spawn } from "node:child_process"

export type CommandResult = { readonly code: number | null; readonly stdout: string; readonly stderr: string }

/**
 * The parent's environment without what a package-manager run injects into its scripts
 * (`npm_config_*`, `npm_package_*`, `PNPM_*` …), which would leak the workspace's settings into
 * the consumer project. The user's own npm configuration files still apply.
 */
export function cleanEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|PNPM_|pnpm_)/i.test(name) || name === "INIT_CWD" || name === "NODE_OPTIONS") continue
    environment[name] = value
  }
  return { ...environment, ...extra }
}

/**
 * Runs `command args` in `cwd`; resolves with its exit code and output, never rejects on a
 * non-zero exit. On timeout the whole process group is killed and the result has code null.
 *
 * @example
 * const packed = await runCommand("npx", ["--yes", "pnpm@10", "pack"], { cwd: "packages/core", timeoutMs: 60_000 })
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; environment?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.environment ?? cleanEnvironment(),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL")
    }, options.timeoutMs)
    child.on("error", (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** A failed command as one readable message for an assertion. */
export function describeResult(label: string, result: CommandResult): string {
  return `${label} exited ${result.code}\n--- stdout\n${result.stdout.slice(-4000)}\n--- stderr\n${result.stderr.slice(-4000)}`
}
