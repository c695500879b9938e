import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

/**
 * The TypeScript sources below `directory` (tests excluded), as `{ file, text }` with paths
 * relative to it — the input of `findTaskNameLiterals` in a chain's task-name test.
 *
 * @example
 * const sources = readSourceFiles(fileURLToPath(new URL(".", import.meta.url)))
 * expect(findTaskNameLiterals(sources, chain.tasks)).toEqual([])
 */
export function readSourceFiles(directory: string): { file: string; text: string }[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".d.ts"))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(directory, file), "utf8") }))
}
