import { readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve, sep } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"

// The top-level folders of src/ form layers: a folder may depend on another only if that one does
// not depend back, directly or through others. This parses every source file (not tests or benchmarks), keeps the
// imports that exist at run time (type-only imports and re-exports are erased by the compiler, so
// they cannot form a load-order cycle) and fails naming the first folder cycle it finds.

const sourceDirectory = dirname(fileURLToPath(import.meta.url))

/** Folder edges tolerated while another change removes them: none. Add one only with a TODO. */
const toleratedEdges = new Set<string>([])

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    const isSource = entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")
    const isTest = entry.name.includes(".test.") || entry.name.includes(".bench.")
    return isSource && !isTest ? [path] : []
  })
}

/** The top-level folder of a file under src/ (a file directly in src/ is its own node). */
function topFolder(file: string): string {
  return relative(sourceDirectory, file).split(sep)[0] ?? file
}

function isTypeOnlyImport(declaration: ts.ImportDeclaration): boolean {
  const clause = declaration.importClause
  if (clause === undefined) return false // `import "./x.js"` runs the module
  if (clause.isTypeOnly) return true
  if (clause.name !== undefined) return false
  const bindings = clause.namedBindings
  if (bindings === undefined || ts.isNamespaceImport(bindings)) return false
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly)
}

function isTypeOnlyExport(declaration: ts.ExportDeclaration): boolean {
  if (declaration.isTypeOnly) return true
  const clause = declaration.exportClause
  if (clause === undefined || !ts.isNamedExports(clause)) return false
  return clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly)
}

/** Relative specifiers this file loads at run time: value imports, value re-exports, `import()`. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true)
  const specifiers: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !isTypeOnlyImport(node)) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text)
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier !== undefined &&
      !isTypeOnlyExport(node)
    ) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text)
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return specifiers.filter((specifier) => specifier.startsWith("."))
}

/** folder → folders it imports values from, each edge with one file that proves it. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>()
  for (const file of sourceFiles(sourceDirectory)) {
    const from = topFolder(file)
    for (const specifier of valueImports(file)) {
      const to = topFolder(resolve(dirname(file), specifier))
      if (to === from || toleratedEdges.has(`${from} -> ${to}`)) continue
      const edges = graph.get(from) ?? new Map<string, string>()
      if (!edges.has(to)) edges.set(to, `${relative(sourceDirectory, file)} imports ${specifier}`)
      graph.set(from, edges)
    }
  }
  return graph
}

/** The first cycle found by depth-first search, as folder names with the import behind each edge. */
function findCycle(graph: Map<string, Map<string, string>>): string[] | undefined {
  const finished = new Set<string>()
  const path: string[] = []
  const visit = (folder: string): string[] | undefined => {
    const start = path.indexOf(folder)
    if (start >= 0) {
      const cycle = [...path.slice(start), folder]
      return cycle.slice(1).map((to, index) => {
        const from = cycle[index] as string
        return `${from} -> ${to} (${graph.get(from)?.get(to)})`
      })
    }
    if (finished.has(folder)) return undefined
    path.push(folder)
    for (const next of [...(graph.get(folder)?.keys() ?? [])].sort()) {
      const cycle = visit(next)
      if (cycle !== undefined) return cycle
    }
    path.pop()
    finished.add(folder)
    return undefined
  }
  for (const folder of [...graph.keys()].sort()) {
    const cycle = visit(folder)
    if (cycle !== undefined) return cycle
  }
  return undefined
}

describe("folder architecture", () => {
  it("has no value-import cycle between the top-level folders of src/", () => {
    expect(findCycle(folderGraph())).toBeUndefined()
  })

  it("detects a cycle when one exists", () => {
    const graph = new Map([
      ["a", new Map([["b", "a/x.ts imports ../b/y.js"]])],
      ["b", new Map([["a", "b/y.ts imports ../a/x.js"]])],
    ])
    expect(findCycle(graph)).toEqual([
      "a -> b (a/x.ts imports ../b/y.js)",
      "b -> a (b/y.ts imports ../a/x.js)",
    ])
  })

  it("ignores type-only imports and re-exports", () => {
    const file = join(sourceDirectory, "architecture.test.ts")
    const parse = (text: string) => {
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
      return source.statements[0] as ts.Statement
    }
    expect(isTypeOnlyImport(parse(`import type { A } from "./a.js"`) as ts.ImportDeclaration)).toBe(true)
    expect(isTypeOnlyImport(parse(`import { type A } from "./a.js"`) as ts.ImportDeclaration)).toBe(true)
    expect(isTypeOnlyImport(parse(`import { type A, b } from "./a.js"`) as ts.ImportDeclaration)).toBe(false)
    expect(isTypeOnlyExport(parse(`export type { A } from "./a.js"`) as ts.ExportDeclaration)).toBe(true)
    expect(isTypeOnlyExport(parse(`export { a } from "./a.js"`) as ts.ExportDeclaration)).toBe(false)
  })
})

// Lists every folder cycle (not just the first) when run by hand: `DEBUG_FOLDER_GRAPH=1 vitest …`.
if (process.env.DEBUG_FOLDER_GRAPH) {
  const graph = folderGraph()
  for (const [from, edges] of graph)
    for (const [to, proof] of edges) console.log(`${from} -> ${to}: ${proof}`)
}
