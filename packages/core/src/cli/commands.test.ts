import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runTestCli } from "../testing/cli/cliHarness.js"

let directory = ""
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "cli-commands-"))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

describe("wallets", () => {
  it("generates a keystore with the password from the environment, then lists it without decrypting", async () => {
    const keystores = join(directory, "keystores")
    const generated = await runTestCli(
      ["wallets", "generate", "--dir", keystores, "--count", "1", "--json"],
      {
        environment: { TESTNET_WALLET_PASSWORD: "correct horse" },
      },
    )
    expect(generated.stderr).toBe("")
    expect(generated.code).toBe(0)
    const [written] = JSON.parse(generated.stdout) as { address: string; file: string }[]
    expect(written?.address).toMatch(/^0x[0-9a-fA-F]{40}$/)
    expect(await readdir(keystores)).toHaveLength(1)
    expect(generated.stdout).not.toContain("correct horse")

    const listed = await runTestCli(["wallets", "list", "--dir", keystores])
    expect(listed.code).toBe(0)
    expect(listed.stdout).toContain(written?.address)
    const csv = await runTestCli(["wallets", "list", "--dir", keystores, "--csv"])
    expect(csv.stdout.toLowerCase()).toContain(written?.address.toLowerCase())
  })

  it("refuses to generate without a password and without a terminal (exit 2)", async () => {
    const result = await runTestCli([
      "wallets",
      "generate",
      "--dir",
      join(directory, "nopass"),
      "--count",
      "1",
    ])
    expect(result.code).toBe(2)
    expect(result.stderr.split("\n")[0]).toMatch(/^error: .*password/i)
  })

  it("requires --dir and --count (exit 2)", async () => {
    const result = await runTestCli(["wallets", "generate", "--count", "1"])
    expect(result.code).toBe(2)
    expect(result.stderr.split("\n")[0]).toBe("error: required option '--dir <directory>' not specified")
  })
})

describe("db", () => {
  it("migrates a new SQLite file and reports the schema version", async () => {
    const file = join(directory, "data", "fresh.db")
    const result = await runTestCli(["db", "migrate", "--db", file, "--json"])
    expect(result.stderr).toBe("")
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ dialect: "sqlite", schemaVersion: expect.any(Number) })
    const stats = await runTestCli(["db", "stats", "--db", file])
    expect(stats.code).toBe(0)
    expect(stats.stdout).toBe(`No run of testchain recorded in ${file}.\n`)
  })
})

describe("db errors", () => {
  it("reports a database that cannot be opened as one line, exit 1", async () => {
    const underAFile = join(directory, "plain-file")
    await writeFile(underAFile, "not a directory")
    const result = await runTestCli(["db", "migrate", "--db", join(underAFile, "x.db")])
    expect(result.code).toBe(1)
    expect(result.stderr.split("\n")[0]).toMatch(/^error: /)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})

describe("proxies check", () => {
  it("exits 2 when no proxy is configured", async () => {
    const result = await runTestCli(["proxies", "check", "--rpc-url", "http://127.0.0.1:1"])
    expect(result.code).toBe(2)
    expect(result.stderr.split("\n")[0]).toBe("error: no proxies configured")
  })

  it("reports a proxy that refuses connections as failing (exit 1), with the URL masked", async () => {
    // a port that was free a moment ago: nothing listens there
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address()
        server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0))
      })
    })
    const result = await runTestCli([
      "proxies",
      "check",
      "--proxy",
      `http://user:secret@127.0.0.1:${port}`,
      "--rpc-url",
      "http://127.0.0.1:9",
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain("failing")
    expect(result.stdout).not.toContain("secret")
  })

  it("rejects an invalid proxy URL as bad input (exit 2)", async () => {
    const result = await runTestCli([
      "proxies",
      "check",
      "--proxy",
      "ftp://nope",
      "--rpc-url",
      "http://127.0.0.1:9",
    ])
    expect(result.code).toBe(2)
    expect(result.stderr.split("\n")[0]).toMatch(/^error: /)
  })
})
