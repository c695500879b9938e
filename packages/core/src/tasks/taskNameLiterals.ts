/**
 * Where a task's name is written as a string literal outside a `name:` field.
 *
 * @example
 * const found: TaskNameLiteral = { file: "src/tasks/burn.ts", line: 12, name: "tip20_burn" }
 */
export type TaskNameLiteral = { readonly file: string; readonly line: number; readonly name: string }

// Block comments and line comments (a `//` after `:` is a URL inside a string, not a comment).
const commentPattern = /\/\*[\s\S]*?\*\/|(?<![:"'`])\/\/[^\n]*/g
const literalPattern = /(["'`])([a-z][a-z0-9_]*)\1/g

/**
 * Finds task names written as string literals in `sources` anywhere but a `name: "…"` field,
 * comments excluded. A chain's tests run it over its source files so that tasks read their name
 * from `context.task` (and a renamed task cannot leave a stale copy behind).
 *
 * @example
 * const sources = files.map((file) => ({ file, text: readFileSync(file, "utf8") }))
 * expect(findTaskNameLiterals(sources, chain.tasks)).toEqual([])
 */
export function findTaskNameLiterals(
  sources: readonly { readonly file: string; readonly text: string }[],
  tasks: readonly { readonly name: string }[],
): TaskNameLiteral[] {
  const names = new Set(tasks.map((task) => task.name))
  const found: TaskNameLiteral[] = []
  for (const { file, text } of sources) {
    // Comments become blanks of the same length, so line numbers stay right.
    const code = text.replace(commentPattern, (comment) => comment.replace(/[^\n]/g, " "))
    for (const match of code.matchAll(literalPattern)) {
      const name = match[2] as string
      if (!names.has(name)) continue
      if (/name:\s*$/.test(code.slice(Math.max(0, match.index - 40), match.index))) continue
      found.push({ file, line: code.slice(0, match.index).split("\n").length, name })
    }
  }
  return found
}
