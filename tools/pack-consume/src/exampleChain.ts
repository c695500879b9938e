/**
 * Reads the example chain out of docs/writing-a-chain.md: the fenced blocks between
 * `<!-- example-chain:start -->` and `<!-- example-chain:end -->`, each opened with
 * "```ts <path>" naming the file it becomes in the consumer project.
 */
import { readFileSync } from "node:fs"

export type ExampleFile = { readonly path: string; readonly text: string }

const startMarker = "<!-- example-chain:start -->"
const endMarker = "<!-- example-chain:end -->"

/**
 * The example's files, in the order the guide shows them.
 *
 * @example
 * const files = readExampleChain(readFileSync("docs/writing-a-chain.md", "utf8"))
 * files.map((file) => file.path) // ["src/chain.ts", "src/bin.ts"]
 */
export function readExampleChain(markdown: string): ExampleFile[] {
  const start = markdown.indexOf(startMarker)
  const end = markdown.indexOf(endMarker)
  if (start < 0 || end < start) throw new Error(`the guide has no ${startMarker} … ${endMarker} block`)
  const block = markdown.slice(start + startMarker.length, end)
  const files: ExampleFile[] = []
  for (const match of block.matchAll(/```ts (\S+)\n([\s\S]*?)```/g)) {
    const [, path, text] = match
    if (path !== undefined && text !== undefined) files.push({ path, text })
  }
  if (files.length === 0) throw new Error("the example-chain block has no ```ts <path> fences")
  return files
}

/** Lines of the example (fences included), the guide's ≤ 60-line budget. */
export function countExampleLines(markdown: string): number {
  const block = markdown.slice(
    markdown.indexOf(startMarker) + startMarker.length,
    markdown.indexOf(endMarker),
  )
  return block.trim().split("\n").length
}

/** The guide, read from the repository. */
export function readGuide(repositoryRoot: string): string {
  return readFileSync(`${repositoryRoot}/docs/writing-a-chain.md`, "utf8")
}

/**
 * The first ```ts block of a README (the "smallest example" of @testnet/core's README).
 *
 * @example
 * readReadmeExample(readFileSync("node_modules/@testnet/core/README.md", "utf8"))
 */
export function readReadmeExample(markdown: string): string {
  const match = /```ts\n([\s\S]*?)```/.exec(markdown)
  if (match?.[1] === undefined) throw new Error("the README has no ```ts example")
  return match[1]
}
