import { readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"
import { entryNames } from "./entryNames.js"

// The public surface of @testnet/core: the root (the chain author's names, at most 80) and one
// subpath per concern. Each entry's sorted names are pinned in __snapshots__/entries.test.ts.snap,
// so an accidental export fails CI; after a deliberate change run `vitest run -u` and review.

const sourceDirectory = dirname(fileURLToPath(import.meta.url))
const packageDirectory = dirname(sourceDirectory)
const maximumRootNames = 80

const entryFiles: Record<string, string> = {
  ".": join(sourceDirectory, "index.ts"),
  ...Object.fromEntries(
    entryNames.map((name) => [`./${name}`, join(sourceDirectory, "entries", `${name}.ts`)]),
  ),
}

/** Every name (values and types) each entry exports, sorted, read by the TypeScript checker. */
function listEntryNames(): Record<string, string[]> {
  const program = ts.createProgram(Object.values(entryFiles), {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
  })
  const checker = program.getTypeChecker()
  const names: Record<string, string[]> = {}
  for (const [subpath, file] of Object.entries(entryFiles)) {
    const sourceFile = program.getSourceFile(file)
    const symbol = sourceFile === undefined ? undefined : checker.getSymbolAtLocation(sourceFile)
    if (symbol === undefined) throw new Error(`cannot read the exports of ${file}`)
    names[subpath] = checker
      .getExportsOfModule(symbol)
      .map((exported) => exported.name)
      .sort()
  }
  return names
}

const exportedNames = listEntryNames()

function listBarrelFolders(): string[] {
  return readdirSync(sourceDirectory)
    .filter((name) => statSync(join(sourceDirectory, name)).isDirectory())
    .filter((name) => {
      try {
        return statSync(join(sourceDirectory, name, "index.ts")).isFile()
      } catch {
        return false
      }
    })
    .sort()
}

async function importFile(file: string): Promise<Record<string, unknown>> {
  // A computed specifier: Vite leaves it alone and resolves the absolute path like any import.
  return (await import(/* @vite-ignore */ file)) as Record<string, unknown>
}

describe("@testnet/core entries", () => {
  it(`keeps the root to at most ${maximumRootNames} names`, () => {
    expect(exportedNames["."]?.length).toBeLessThanOrEqual(maximumRootNames)
  })

  for (const subpath of Object.keys(entryFiles))
    it(`exports exactly the pinned names from "${subpath}"`, () => {
      expect(exportedNames[subpath]).toMatchSnapshot()
    })

  it("declares every entry in package.json exports with types, import and the ESM-only require", () => {
    const manifest = JSON.parse(readFileSync(join(packageDirectory, "package.json"), "utf8")) as {
      exports: Record<string, unknown>
    }
    const expected = Object.fromEntries(
      Object.keys(entryFiles).map((subpath) => {
        const file = subpath === "." ? "index" : subpath.slice(2)
        return [
          subpath,
          { types: `./dist/${file}.d.ts`, import: `./dist/${file}.js`, require: "./dist/require.cjs" },
        ]
      }),
    )
    expect(manifest.exports).toEqual({ ...expected, "./package.json": "./package.json" })
  })

  it("reaches every value of every folder barrel through some entry, bound to the barrel's own value", async () => {
    const entries = await Promise.all(Object.values(entryFiles).map(importFile))
    const unreachable: string[] = []
    for (const folder of listBarrelFolders()) {
      const barrel = await importFile(join(sourceDirectory, folder, "index.ts"))
      for (const [name, value] of Object.entries(barrel))
        if (!entries.some((entry) => entry[name] === value)) unreachable.push(`${folder}: ${name}`)
    }
    expect(unreachable).toEqual([])
  })
})
