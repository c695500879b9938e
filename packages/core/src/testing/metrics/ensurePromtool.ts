/**
 * Test setup for the metrics format check: finds Prometheus's own `promtool`, installing Debian's
 * `prometheus` package with apt-get (non-interactive) when it is missing and we are root, as in
 * CI. Elsewhere it returns the reason, and the test skips with that reason printed.
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"

/**
 * Where Debian's `prometheus` package puts promtool.
 *
 * @example
 * spawnSync(promtoolPath, ["check", "metrics"], { input: scrape })
 */
export const promtoolPath = "/usr/bin/promtool"

/**
 * The promtool path, or why there is none (not root, apt-get failed).
 *
 * @example
 * const promtool = ensurePromtool()
 * if ("reason" in promtool) console.warn(`skipped: ${promtool.reason}`)
 */
export function ensurePromtool(): { path: string } | { reason: string } {
  if (existsSync(promtoolPath)) return { path: promtoolPath }
  if (process.getuid?.() !== 0)
    return {
      reason: `${promtoolPath} is missing: install Debian's prometheus (sudo apt-get install -y prometheus)`,
    }
  const environment = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  for (const command of [
    ["apt-get", "update"],
    ["apt-get", "install", "-y", "--no-install-recommends", "prometheus"],
  ]) {
    const [program = "apt-get", ...rest] = command
    const result = spawnSync(program, rest, { env: environment, stdio: "inherit", timeout: 600_000 })
    if (result.status !== 0) return { reason: `${command.join(" ")} failed (exit ${result.status})` }
  }
  return existsSync(promtoolPath)
    ? { path: promtoolPath }
    : { reason: `prometheus installed, but ${promtoolPath} is still missing` }
}

/**
 * Runs `promtool check metrics` on a scrape: exit code and what it printed (lint problems).
 *
 * @example
 * const { status, output } = checkMetrics(path, await (await fetch(url)).text())
 */
export function checkMetrics(path: string, scrape: string): { status: number | null; output: string } {
  const result = spawnSync(path, ["check", "metrics"], { input: scrape, encoding: "utf8", timeout: 30_000 })
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` }
}
