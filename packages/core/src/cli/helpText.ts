/**
 * The "Examples:" block every command's `--help` ends with.
 *
 * @example
 * command.addHelpText("after", examplesText("tempo", ["tasks --json", "tasks --weights transfer=0"]))
 */
export function examplesText(programName: string, lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line.startsWith("TESTNET_") ? line : `${programName} ${line}`}`).join("\n")}`
}
