/**
 * Test setup for the browser test: makes sure Debian's `chromium` is installed. Installs it
 * with apt-get (non-interactive) only when /usr/bin/chromium is missing and we are root, as in
 * CI; otherwise says what to do.
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"

/**
 * Path of the browser the tests drive.
 *
 * @example
 * await chromium.launch({ executablePath: chromiumPath })
 */
export const chromiumPath = "/usr/bin/chromium"

/**
 * Returns the Chromium path, installing the Debian package first when it is missing.
 * Throws (a failed setup) when it cannot be installed.
 *
 * @example
 * beforeAll(() => { ensureChromium() }, 600_000)
 */
export function ensureChromium(): string {
  if (existsSync(chromiumPath)) return chromiumPath
  if (process.getuid?.() !== 0)
    throw new Error(
      `${chromiumPath} is missing: install Debian's chromium (sudo apt-get install -y chromium)`,
    )
  const environment = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  for (const command of [
    ["apt-get", "update"],
    ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
  ]) {
    const [program = "apt-get", ...rest] = command
    const result = spawnSync(program, rest, { env: environment, stdio: "inherit", timeout: 600_000 })
    if (result.status !== 0) throw new Error(`${command.join(" ")} failed (exit ${result.status})`)
  }
  if (!existsSync(chromiumPath)) throw new Error(`chromium installed, but ${chromiumPath} is still missing`)
  return chromiumPath
}
