import { execFile, spawn } from "node:child_process"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { resolveAnvilBinary } from "./resolveAnvilBinary.js"

// A real child process (not a worker) starts a devnet through the real module, then dies in one of
// the ways a CLI dies. Afterwards anvil's PID must be gone.

const packageRoot = fileURLToPath(new URL("../../", import.meta.url))
let directory = ""
let bundle = ""
const leftovers: number[] = []

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "devnet-orphans-"))
  bundle = join(directory, "devnet.mjs")
  await promisify(execFile)(
    join(packageRoot, "node_modules/.bin/esbuild"),
    [
      "src/devnet/index.ts",
      "--bundle",
      "--platform=node",
      "--format=esm",
      "--log-level=error",
      `--outfile=${bundle}`,
    ],
    { cwd: packageRoot },
  )
})

afterAll(async () => {
  for (const pid of leftovers) {
    try {
      process.kill(pid, "SIGKILL")
    } catch {}
  }
  await rm(directory, { recursive: true, force: true })
})

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false
    throw error
  }
}

async function waitUntilGone(pid: number, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return !isAlive(pid)
}

/** Runs `body` (after a devnet was started) in a child node process; returns anvil's pid and how the child ended. */
async function runChild(body: string, afterStart?: (child: ReturnType<typeof spawn>) => void) {
  const anvil = resolveAnvilBinary().unwrap()
  const script = join(directory, `child-${Math.random().toString(36).slice(2)}.mjs`)
  await writeFile(
    script,
    `import { startDevnet } from ${JSON.stringify(bundle)}
const started = await startDevnet({ chainId: 31337 })
if (started.isErr()) { console.error(started.error.message); process.exit(3) }
console.log(JSON.stringify({ pid: started.value.pid }))
${body}
`,
  )
  const child = spawn(process.execPath, [script], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TESTNET_ANVIL_PATH: anvil.command },
  })
  let stderr = ""
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk)
  })
  const pid = await new Promise<number>((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve((JSON.parse(String(chunk)) as { pid: number }).pid))
    child.once("exit", () => reject(new Error(`child ended before starting anvil: ${stderr}`)))
  })
  leftovers.push(pid)
  expect(isAlive(pid)).toBe(true)
  afterStart?.(child)
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  )
  return { pid, ended, stderr }
}

describe("no orphan anvil processes", () => {
  it("kills anvil when the process is terminated with SIGTERM (and keeps the signal's exit)", async () => {
    const { pid, ended } = await runChild("setInterval(() => {}, 1000)", (child) => child.kill("SIGTERM"))
    expect(ended.signal).toBe("SIGTERM")
    expect(await waitUntilGone(pid)).toBe(true)
  })

  it("kills anvil when the process ends normally without calling stop()", async () => {
    const { pid, ended } = await runChild("// nothing else to do: the event loop empties")
    expect(ended.code).toBe(0)
    expect(await waitUntilGone(pid)).toBe(true)
  })

  it("resolves stop() even when anvil ignores SIGTERM and nothing else keeps the process alive", async () => {
    // SIGSTOP makes anvil sit through the grace period, so stop() must SIGKILL it and wait for its
    // exit with no other pending work: with an unref'd child the process used to end first.
    const { pid, ended } = await runChild(
      `process.kill(started.value.pid, "SIGSTOP")
await started.value.stop()
process.exitCode = 7`,
    )
    expect(ended.code).toBe(7)
    expect(await waitUntilGone(pid)).toBe(true)
  })

  it("kills anvil when the process crashes with an uncaught error", async () => {
    const { pid, ended, stderr } = await runChild('setTimeout(() => { throw new Error("boom") }, 10)')
    expect(ended.code).toBe(1)
    expect(stderr).toContain("boom")
    expect(await waitUntilGone(pid)).toBe(true)
  })

  it("leaves the devnet to the program's own SIGINT handler, and stopAllDevnets() stops it", async () => {
    const { pid, ended } = await runChild(
      `const { stopAllDevnets, getRunningDevnetPids } = await import(${JSON.stringify(bundle)})
process.once("SIGINT", async () => {
  const alive = getRunningDevnetPids().length
  await stopAllDevnets()
  process.exit(alive === 1 ? 0 : 4)
})
setInterval(() => {}, 1000)`,
      (child) => child.kill("SIGINT"),
    )
    expect(ended.code).toBe(0)
    expect(await waitUntilGone(pid)).toBe(true)
  })
})
