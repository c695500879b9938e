/**
 * Every example a user may copy names a task Tempo really has: each `--help` example of every
 * command, and every `tempo …` command in docs/*.md. (Tempo has no `transfer`; the help once said
 * `tempo run transfer`.)
 */
import { readdirSync, readFileSync } from "node:fs"
import { runCli } from "@testnet/core"
import { describe, expect, it } from "vitest"
import { tempo } from "./chain.js"

const catalog = new Set(tempo.tasks.map((task) => task.name))
const docsDirectory = new URL("../../../docs/", import.meta.url)

async function help(path: readonly string[]): Promise<string> {
  let output = ""
  await runCli(tempo, {
    argv: [...path, "--help"],
    exit: () => undefined,
    stdout: { write: (text: string) => (output += text), isTTY: false },
    stderr: { write: (text: string) => (output += text), isTTY: false },
    environment: {},
    programName: "tempo",
  })
  return output
}

/** Subcommand names listed under "Commands:" in a help text. */
function subcommands(text: string): string[] {
  const section = text.split(/\nCommands:\n/)[1]?.split(/\n\n/)[0] ?? ""
  return section
    .split("\n")
    .map((line) => line.trim().split(/\s+/)[0] ?? "")
    .filter((name) => /^[a-z][a-z-]*$/.test(name) && name !== "help")
}

/** The task names a `tempo …` command line mentions (run, sequence, --tasks, --weights). */
function taskNamesIn(command: string): string[] {
  const words = command.split(/\s+/)
  const names: string[] = []
  for (const [index, word] of words.entries()) {
    const next = words[index + 1] ?? ""
    if (next.startsWith("-") || next.includes("<") || next === "") continue
    if (word === "run" && index === 1) names.push(next)
    if (word === "sequence" && index === 1) names.push(...next.split(","))
    if (word === "--tasks" || word === "-t") names.push(...next.split(","))
    if (word === "--weights") names.push(...next.split(",").map((pair) => pair.split("=")[0] ?? ""))
  }
  return names.filter((name) => name !== "")
}

describe("examples name real Tempo tasks", () => {
  it("in every command's --help", async () => {
    const checked: string[] = []
    const queue: string[][] = [[]]
    while (queue.length > 0) {
      const path = queue.shift() ?? []
      const text = await help(path)
      for (const name of subcommands(text)) if (path.length < 2) queue.push([...path, name])
      for (const line of text.split("\n")) {
        const example = line.match(/\$ (tempo .*?)(\s{2,}#.*)?$/)?.[1]
        if (example === undefined) continue
        checked.push(example)
        for (const name of taskNamesIn(example)) expect(catalog.has(name), `${example}: ${name}`).toBe(true)
      }
    }
    // The load commands' examples were read (not an empty pass).
    expect(checked.some((example) => example.startsWith("tempo run "))).toBe(true)
    expect(checked.some((example) => example.startsWith("tempo sequence "))).toBe(true)
  })

  it("in every `tempo …` command of docs/*.md", () => {
    for (const file of readdirSync(docsDirectory).filter((name) => name.endsWith(".md"))) {
      const text = readFileSync(new URL(file, docsDirectory), "utf8")
      for (const match of text.matchAll(/(?:^|[`$]\s?)(tempo (?:run|sequence|start|tasks)\b[^`\n]*)/gm)) {
        const command = (match[1] ?? "").replace(/\s+#.*$/, "")
        for (const name of taskNamesIn(command))
          expect(catalog.has(name), `${file}: ${command}: ${name}`).toBe(true)
      }
      // TOML examples: the keys of a [task_weights] table (the docs' examples are Tempo's).
      for (const block of text.matchAll(/^\[task_weights\]\n((?:[a-z0-9_]+ = [0-9.]+\n)+)/gm))
        for (const line of (block[1] ?? "").trim().split("\n")) {
          const name = line.split(" = ")[0] ?? ""
          expect(catalog.has(name), `${file}: [task_weights] ${name}`).toBe(true)
        }
      // Inline `name=weight` pairs.
      for (const pair of text.matchAll(/`([a-z0-9_]+=\d+(?:,[a-z0-9_]+=\d+)+)`/g))
        for (const name of (pair[1] ?? "").split(",").map((entry) => entry.split("=")[0] ?? ""))
          expect(catalog.has(name), `${file}: ${pair[1]}: ${name}`).toBe(true)
    }
  })
})
