/**
 * Packs the workspace's published packages and builds a consumer project from the tarballs, the
 * way someone outside the repository would: a fresh directory under the OS temp dir, npm or pnpm,
 * and the guide's example chain compiled with strict TypeScript.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { mkdir } from "node:fs/promises"
import { dirname, join } from "node:path"
import { readExampleChain } from "./exampleChain.js"
import { type CommandResult, describeResult, runCommand } from "./runCommand.js"

export const pnpmCommand = ["npx", "--yes", "pnpm@10"] as const

/** Native packages the pnpm consumer must allow to run install scripts (as the guide says). */
export const nativePackages = ["better-sqlite3", "@foundry-rs/anvil"]

type PublishedPackage = { readonly name: string; readonly directory: string }

/**
 * Every workspace package that is published (no `"private": true`) under packages/ and chains/.
 *
 * @example
 * listPublishedPackages(root).map((item) => item.name) // ["@testnet/contracts", "@testnet/core", …]
 */
export function listPublishedPackages(repositoryRoot: string): PublishedPackage[] {
  const found: PublishedPackage[] = []
  for (const group of ["packages", "chains"])
    for (const name of readdirSync(join(repositoryRoot, group)).sort()) {
      const directory = join(repositoryRoot, group, name)
      let manifest: { name?: string; private?: boolean }
      try {
        manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8"))
      } catch {
        continue
      }
      if (manifest.private !== true && manifest.name !== undefined)
        found.push({ name: manifest.name, directory })
    }
  return found
}

async function mustSucceed(label: string, pending: Promise<CommandResult>): Promise<CommandResult> {
  const result = await pending
  if (result.code !== 0) throw new Error(describeResult(label, result))
  return result
}

/**
 * `pnpm pack` of each published package into `destination`; returns name → tarball path.
 *
 * @example
 * const tarballs = await packPublishedPackages(root, "/tmp/x/tarballs")
 */
export async function packPublishedPackages(
  repositoryRoot: string,
  destination: string,
): Promise<Map<string, string>> {
  await mkdir(destination, { recursive: true })
  const tarballs = new Map<string, string>()
  for (const published of listPublishedPackages(repositoryRoot)) {
    const before = new Set(readdirSync(destination))
    const [command, ...prefix] = pnpmCommand
    await mustSucceed(
      `pnpm pack ${published.name}`,
      runCommand(command, [...prefix, "pack", "--pack-destination", destination], {
        cwd: published.directory,
        timeoutMs: 120_000,
      }),
    )
    const added = readdirSync(destination).filter((file) => !before.has(file) && file.endsWith(".tgz"))
    if (added.length !== 1 || added[0] === undefined)
      throw new Error(`pnpm pack ${published.name} made ${added}`)
    tarballs.set(published.name, join(destination, added[0]))
  }
  return tarballs
}

/**
 * Writes package.json, tsconfig.json and the example chain into `directory`. Every published
 * package comes from its tarball, also where one depends on another (npm `overrides`, pnpm
 * `pnpm.overrides`), so nothing of ours is fetched from a registry.
 */
export function writeConsumerProject(
  directory: string,
  options: {
    tarballs: Map<string, string>
    allowNativeBuilds: boolean
    guide: string
  },
): void {
  const fileSpecs = Object.fromEntries([...options.tarballs].map(([name, path]) => [name, `file:${path}`]))
  const manifest = {
    name: "example-chain",
    version: "0.0.0",
    private: true,
    type: "module",
    bin: { example: "./dist/bin.js" },
    dependencies: fileSpecs,
    devDependencies: { typescript: "~5.9.3", "@types/node": "^20.19.0" },
    overrides: Object.fromEntries([...options.tarballs.keys()].map((name) => [name, `$${name}`])),
    pnpm: {
      overrides: fileSpecs,
      ...(options.allowNativeBuilds ? { onlyBuiltDependencies: nativePackages } : {}),
    },
  }
  writeFileSync(join(directory, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`)
  writeFileSync(
    join(directory, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module: "NodeNext",
        moduleResolution: "NodeNext",
        target: "ES2022",
        strict: true,
        outDir: "dist",
        rootDir: "src",
        skipLibCheck: true,
        types: ["node"],
      },
      include: ["src"],
    }),
  )
  for (const file of readExampleChain(options.guide)) {
    const path = join(directory, file.path)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, file.text, { flag: "w" })
  }
}

/** Sets or removes `pnpm.onlyBuiltDependencies` in the consumer's package.json. */
export function setNativeBuilds(directory: string, allow: boolean): void {
  const path = join(directory, "package.json")
  const manifest = JSON.parse(readFileSync(path, "utf8")) as { pnpm: Record<string, unknown> }
  if (allow) manifest.pnpm.onlyBuiltDependencies = nativePackages
  else delete manifest.pnpm.onlyBuiltDependencies
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`)
}

export { mustSucceed }
