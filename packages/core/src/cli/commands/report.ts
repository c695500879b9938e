import type { Command } from "commander"
import { addCommonOptions } from "../commonOptions.js"
import type { CliContext, OutcomeSlot } from "../context.js"
import { examplesText } from "../helpText.js"
import { type ReportCommandOptions, runReportCommand } from "./runReportCommand.js"

/**
 * `report [--run ID | --last | --campaign ID] [--out FILE] [--json] [--compare ID]`: writes a recorded run's
 * self-contained HTML report (or its JSON) and prints the path.
 *
 * @example
 * registerReportCommand(program, context, slot) // then: tempo report --last --compare 1f2e…
 */
export function registerReportCommand(program: Command, context: CliContext, slot: OutcomeSlot): void {
  addCommonOptions(program.command("report"))
    .description("write the HTML (or JSON) report of a recorded run; default: the latest run")
    .addHelpText(
      "after",
      examplesText(context.programName, [
        "report                                  # the latest run → ./reports/<chain>-<run>.html",
        "report --run 2c6f5b1a-… --compare 91d0…  # two runs side by side",
        "report --last --json --out -            # the JSON report on stdout",
        "report --campaign tempo-3f2a9c1b7d4e-20261203T140509Z   # every shard of a campaign merged",
      ]),
    )
    .option("--db <path|url>", "SQLite file, :memory: or postgres:// URL")
    .option("--run <id>", "the run to report on")
    .option("--campaign <id>", "merge every shard of this campaign into one report (per shard and in total)")
    .option("--last", "the newest run of this chain (the default)")
    .option("--out <file>", "output file (default ./reports/<chain>-<run>.html; - prints to stdout)")
    .option("--compare <id>", "a second run to show side by side")
    .action(slot.wrap(async (options: ReportCommandOptions) => runReportCommand(context, options)))
}
