import { Command } from "commander"
import { registerDatabaseCommand } from "./commands/database.js"
import { registerLoadCommands } from "./commands/load.js"
import { registerProxiesCommand } from "./commands/proxies.js"
import { registerReportCommand } from "./commands/report.js"
import { registerTasksCommand } from "./commands/tasks.js"
import { registerWalletsCommand } from "./commands/wallets.js"
import type { CliContext, OutcomeSlot } from "./context.js"
import { exampleTaskNames } from "./helpText.js"

/**
 * Builds the commander program for a chain. Output goes through `context.io`; errors are thrown
 * (exitOverride) so `runCli` renders them as one line with an exit code.
 *
 * @example
 * const program = createProgram(context, createOutcomeSlot())
 * await program.parseAsync(["tasks"], { from: "user" })
 */
export function createProgram(context: CliContext, slot: OutcomeSlot): Command {
  const { chain, io, programName } = context
  const program = new Command(programName)
    .description(`Workload generator for ${chain.displayName} (chain id ${chain.chainId}).`)
    .version(chain.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // runCli prints errors itself (one line + hints); commander's own rendering is dropped.
      outputError: () => {},
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
    })
    .addHelpText(
      "after",
      `
Examples:
  $ ${programName} tasks                                  # the task catalog and weights
  $ ${programName} start --duration 60 --tps 20           # 60 s on an embedded devnet
  $ ${programName} start --rpc-url https://rpc.example --config testnet.toml
  $ ${programName} run ${exampleTaskNames(context.chain)[0]}  # one task, once
  $ ${programName} wallets generate --dir keystores --count 20

Exit codes: 0 ok, 1 runtime failure, 2 bad input (flags, config, wallets, task names).
Environment: TESTNET_* variables override the config file; see docs/operations.md.`,
    )

  registerLoadCommands(program, context, slot)
  registerTasksCommand(program, context, slot)
  registerWalletsCommand(program, context, slot)
  registerProxiesCommand(program, context, slot)
  registerDatabaseCommand(program, context, slot)
  registerReportCommand(program, context, slot)

  // Subcommands (and theirs) inherit the error handling and output settings.
  const inherit = (parent: Command) => {
    for (const command of parent.commands) {
      command.exitOverride().showSuggestionAfterError(true).configureOutput(program.configureOutput())
      inherit(command)
    }
  }
  inherit(program)
  return program
}
