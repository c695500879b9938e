import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  listPublishedPackages,
  mustSucceed,
  packPublishedPackages,
  pnpmCommand,
  setNativeBuilds,
  writeConsumerProject,
} from "./consumer.js"
import { countExampleLines, readGuide, readReadmeExample } from "./exampleChain.js"
import { describeResult, runCommand } from "./runCommand.js"

// The packages as a user outside this repository gets them: `pnpm pack` of every published
// package (built by `turbo run build` before the tests), installed from the tarballs into a fresh
// project under the OS temp dir with npm and, separately, with pnpm 10; the example chain of
// docs/writing-a-chain.md compiled with tsc --strict and one of its tasks run on the embedded
// devnet through the chain's own CLI.

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..")
const guide = readGuide(repositoryRoot)
const [pnpm, ...pnpmPrefix] = pnpmCommand
const minute = 60_000

let scratch: string
let tarballs: Map<string, string>

function makeConsumer(name: string, allowNativeBuilds: boolean): string {
  const project = mkdtempSync(join(scratch, `${name}-`))
  writeConsumerProject(project, { tarballs, allowNativeBuilds, guide })
  return project
}

/**
 * tsc --strict of the guide's example and of the installed core README's smallest example, with
 * the consumer's own typescript (installed from the registry).
 */
async function compile(project: string) {
  const readme = readFileSync(join(project, "node_modules/@testnet/core/README.md"), "utf8")
  writeFileSync(join(project, "src/readmeExample.ts"), readReadmeExample(readme))
  await mustSucceed(
    "tsc -p .",
    runCommand(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "-p", "."], {
      cwd: project,
      timeoutMs: 2 * minute,
    }),
  )
}

function runExample(project: string, ...args: string[]) {
  return runCommand(process.execPath, ["dist/bin.js", ...args], { cwd: project, timeoutMs: 3 * minute })
}

/** The one-task run on the embedded devnet: exit 0 and the task reported as succeeded. */
async function expectTaskSucceeds(project: string) {
  const run = await runExample(project, "run", "send_wei")
  expect(run.code, describeResult("example run send_wei", run)).toBe(0)
  expect(`${run.stdout}${run.stderr}`).toMatch(/send_wei/)
}

/** require() of the package fails with the documented ESM-only message; import works. */
async function expectModuleFormats(project: string) {
  const required = await runCommand(process.execPath, ["-e", 'require("@testnet/core")'], {
    cwd: project,
    timeoutMs: minute,
  })
  expect(required.code).not.toBe(0)
  expect(required.stderr).toContain("@testnet/core is ESM-only and cannot be loaded with require()")
  const imported = await runCommand(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      'const root = await import("@testnet/core"); const testing = await import("@testnet/core/testing"); console.log(typeof root.defineChain, typeof testing.startTaskRunner)',
    ],
    { cwd: project, timeoutMs: minute },
  )
  expect(imported.stdout.trim(), describeResult("import", imported)).toBe("function function")
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "testnet-pack-consume-"))
  tarballs = await packPublishedPackages(repositoryRoot, join(scratch, "tarballs"))
}, 10 * minute)

afterAll(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true })
})

describe("the packed packages in a fresh project", () => {
  it("packs every published package, each with its README and CHANGELOG", async () => {
    expect([...tarballs.keys()].sort()).toEqual(
      listPublishedPackages(repositoryRoot)
        .map((item) => item.name)
        .sort(),
    )
    for (const [name, tarball] of tarballs) {
      const listing = await runCommand("tar", ["-tzf", tarball], { cwd: scratch, timeoutMs: minute })
      expect(listing.stdout, name).toContain("package/README.md")
      expect(listing.stdout, name).toContain("package/CHANGELOG.md")
    }
  })

  it("keeps the guide's example chain within 60 lines", () => {
    expect(countExampleLines(guide)).toBeLessThanOrEqual(60)
  })

  // The two consumers run side by side: each spends most of its time in single-threaded native
  // builds (better-sqlite3 compiles from source when no prebuilt binary can be downloaded).
  it.concurrent("installs with npm, compiles the example with tsc --strict and runs a task on the devnet", async () => {
    const project = makeConsumer("npm", false)
    await mustSucceed(
      "npm install",
      runCommand("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
        cwd: project,
        timeoutMs: 6 * minute,
      }),
    )
    await compile(project)
    await expectModuleFormats(project)
    await expectTaskSucceeds(project)
  })

  it.concurrent("installs with pnpm 10: without allowed builds the CLI says so in one line, with them the task runs", async () => {
    const project = makeConsumer("pnpm", false)
    const install = () =>
      mustSucceed(
        "pnpm install",
        runCommand(pnpm, [...pnpmPrefix, "install", "--prefer-offline"], {
          cwd: project,
          timeoutMs: 6 * minute,
        }),
      )
    await install()
    await compile(project)
    const blocked = await runExample(project, "run", "send_wei")
    expect(blocked.code, describeResult("run without allowed builds", blocked)).toBe(1)
    // Log lines (JSON) may precede it; the error itself is one line, without --verbose.
    const errorLines = blocked.stderr.split("\n").filter((line) => line.startsWith("error:"))
    expect(errorLines, describeResult("run without allowed builds", blocked)).toHaveLength(1)
    expect(errorLines[0]).toContain('"pnpm": { "onlyBuiltDependencies": ["better-sqlite3"] }')
    expect(blocked.stderr).not.toMatch(/^\s+at /m)

    // What the hint says: allow the package, reinstall.
    setNativeBuilds(project, true)
    await install()
    await expectModuleFormats(project)
    await expectTaskSucceeds(project)
  })
})
