/**
 * The "Examples:" block every command's `--help` ends with.
 *
 * @example
 * command.addHelpText("after", examplesText("tempo", ["tasks --json", "tasks --weights transfer=0"]))
 */
export function examplesText(programName: string, lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line.startsWith("TESTNET_") ? line : `${programName} ${line}`}`).join("\n")}`
}

/**
 * Real task names of a chain for help examples, so `--help` never shows a task the chain does not
 * have (Tempo has no `transfer`). Prefers weighted catalog tasks, keeps catalog order; falls back
 * to placeholders only for an empty catalog.
 *
 * @example
 * const [first, second] = exampleTaskNames(chain) // e.g. ["tip20_transfer_random", "deploy_counter"]
 */
export function exampleTaskNames(chain: {
  tasks: readonly { name: string; weight: number }[]
}): [string, string, string] {
  const weighted = chain.tasks.filter((task) => task.weight > 0).map((task) => task.name)
  const names = weighted.length > 0 ? weighted : chain.tasks.map((task) => task.name)
  // A "deploy then use" pair reads best in a sequence example when the catalog has one.
  const deploy = names.find((name) => name.startsWith("deploy_"))
  const first = names[0] ?? "TASK"
  const second = deploy !== undefined && deploy !== first ? deploy : (names[1] ?? first)
  const third = names.find((name) => name !== first && name !== second) ?? second
  return [first, second, third]
}
