import { readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"

// Every public export of the foundation folders carries JSDoc with an `@example` (the developers'
// guide). This reads the source text, follows each barrel's re-exports to the declaration and
// looks at the `/** … */` comment in front of it.

const sourceDirectory = dirname(fileURLToPath(import.meta.url))

const checkedBarrels = [
  "config",
  "database",
  "gas",
  "logging",
  "nonce",
  "proxy",
  "redaction",
  "rpc",
  "tasks",
  "wallet",
].map((folder) => join(sourceDirectory, folder, "index.ts"))

const parsedFiles = new Map<string, ts.SourceFile>()

function parse(file: string): ts.SourceFile {
  let parsed = parsedFiles.get(file)
  if (parsed === undefined) {
    parsed = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true)
    parsedFiles.set(file, parsed)
  }
  return parsed
}

function resolveSpecifier(fromFile: string, specifier: string): string {
  return resolve(dirname(fromFile), specifier.replace(/\.js$/, ".ts"))
}

function hasExampleDoc(sourceFile: ts.SourceFile, node: ts.Node): boolean {
  const ranges = ts.getLeadingCommentRanges(sourceFile.text, node.getFullStart()) ?? []
  return ranges.some((range) => {
    const comment = sourceFile.text.slice(range.pos, range.end)
    return comment.startsWith("/**") && comment.includes("@example")
  })
}

function declaredName(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((declaration) =>
      ts.isIdentifier(declaration.name) ? [declaration.name.text] : [],
    )
  if (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isEnumDeclaration(statement)
  )
    return statement.name === undefined ? [] : [statement.name.text]
  return []
}

type Finding = { documented: boolean; where: string }

/** Follows re-exports from `file` to the declaration of `name` and says whether it is documented. */
function findDeclaration(file: string, name: string, depth = 0): Finding {
  const sourceFile = parse(file)
  const where = `${relative(sourceDirectory, file)}: ${name}`
  if (depth > 8) return { documented: false, where: `${where} (re-export chain too long)` }
  // Overloads and `declare` pairs: documented when any declaration of the name is.
  const declarations = sourceFile.statements.filter((statement) => declaredName(statement).includes(name))
  if (declarations.length > 0)
    return { documented: declarations.some((node) => hasExampleDoc(sourceFile, node)), where }
  for (const statement of sourceFile.statements) {
    if (!ts.isExportDeclaration(statement) || statement.exportClause === undefined) continue
    if (!ts.isNamedExports(statement.exportClause)) continue
    const element = statement.exportClause.elements.find((candidate) => candidate.name.text === name)
    if (element === undefined) continue
    // A documented re-export (`/** … @example … */ export type { Logger }`) documents the name.
    if (hasExampleDoc(sourceFile, statement)) return { documented: true, where }
    const original = element.propertyName?.text ?? name
    const specifier = statement.moduleSpecifier
    // `export { imported }` of a name imported from elsewhere, without its own comment.
    if (specifier === undefined || !ts.isStringLiteral(specifier)) return { documented: false, where }
    // Third-party re-exports (result.ts re-exports ts-results-es) are documented upstream.
    if (!specifier.text.startsWith(".")) return { documented: true, where }
    return findDeclaration(resolveSpecifier(file, specifier.text), original, depth + 1)
  }
  return { documented: false, where: `${where} (declaration not found)` }
}

/**
 * Names a barrel exports, each with the file that it names as the origin. `export * from` lines
 * are followed when `followStars` is set (a nested barrel such as `tasks/kit/index.ts`).
 */
function listBarrelExports(barrel: string, followStars = true): { name: string; file: string }[] {
  const exports: { name: string; file: string }[] = []
  for (const statement of parse(barrel).statements) {
    if (!ts.isExportDeclaration(statement)) continue
    const specifier = statement.moduleSpecifier
    if (specifier === undefined || !ts.isStringLiteral(specifier)) continue
    if (statement.exportClause === undefined) {
      if (followStars && specifier.text.startsWith("."))
        exports.push(...listBarrelExports(resolveSpecifier(barrel, specifier.text)))
      continue
    }
    if (!ts.isNamedExports(statement.exportClause)) continue
    for (const element of statement.exportClause.elements)
      exports.push({
        name: element.propertyName?.text ?? element.name.text,
        file: resolveSpecifier(barrel, specifier.text),
      })
  }
  return exports
}

describe("JSDoc on public exports", () => {
  it("finds the exports of every checked barrel", () => {
    for (const barrel of checkedBarrels) expect(listBarrelExports(barrel).length).toBeGreaterThan(0)
  })

  it("gives every export of the foundation barrels a JSDoc comment with an @example", () => {
    const undocumented = checkedBarrels
      .flatMap((barrel) => listBarrelExports(barrel))
      .map((entry) => findDeclaration(entry.file, entry.name))
      .filter((finding) => !finding.documented)
      .map((finding) => finding.where)
    expect([...new Set(undocumented)].sort()).toEqual([])
  })

  it("gives the entry's own exports (errors/base.ts, result.ts) an @example", () => {
    const entry = join(sourceDirectory, "index.ts")
    // Its `export *` lines are not followed: the foundation barrels are checked above.
    const undocumented = listBarrelExports(entry, false)
      .map((item) => findDeclaration(item.file, item.name))
      .filter((finding) => !finding.documented)
      .map((finding) => finding.where)
    expect(undocumented).toEqual([])
  })

  it("reports a declaration without an @example", () => {
    const file = join(sourceDirectory, "jsdoc.test.ts")
    expect(findDeclaration(file, "checkedBarrels").documented).toBe(false)
  })
})
