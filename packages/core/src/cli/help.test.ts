import type { Command } from "commander"
import { describe, expect, it } from "vitest"
import { runTestCli, testChain } from "../testing/cli/cliHarness.js"
import { createOutcomeSlot } from "./context.js"
import { createProgram } from "./program.js"

/** Every command path of the program, e.g. ["wallets", "fund"]. */
function commandPaths(): string[][] {
  const program = createProgram(
    {
      chain: testChain,
      io: { stdout: { write: () => true }, stderr: { write: () => true }, environment: {} },
      programName: "testchain",
    },
    createOutcomeSlot(),
  )
  const paths: string[][] = []
  const walk = (command: Command, prefix: string[]) => {
    for (const child of command.commands) {
      const path = [...prefix, child.name()]
      paths.push(path)
      walk(child, path)
    }
  }
  walk(program, [])
  return paths
}

describe("--help", () => {
  const paths = commandPaths()

  it("knows the commands", () => {
    expect(paths.map((path) => path.join(" "))).toEqual(
      expect.arrayContaining([
        "start",
        "run",
        "sequence",
        "tasks",
        "wallets fund",
        "wallets reclaim",
        "db stats",
        "report",
      ]),
    )
  })

  it.each(paths.map((path) => [path.join(" "), path] as const))(
    "%s --help shows examples (exit 0)",
    async (_name, path) => {
      const result = await runTestCli([...path, "--help"])
      expect(result.code).toBe(0)
      expect(result.stdout).toContain("Examples:")
      expect(result.stdout).toMatch(new RegExp(`\\$ (TESTNET_\\S+ )?testchain ${path.join(" ")}( |\n|$)`))
    },
  )
})
