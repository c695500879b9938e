import type { Command } from "commander"
import { CliNotImplementedError } from "../../errors/cli.js"
import { Err } from "../../result.js"
import { addCommonOptions } from "../commonOptions.js"
import type { CliContext, OutcomeSlot } from "../context.js"

/**
 * `report`: reserved. Reports are not built yet, and the command says so (exit 1) instead of
 * printing something that looks like a report.
 *
 * @example
 * registerReportCommand(program, context, slot)
 */
export function registerReportCommand(program: Command, context: CliContext, slot: OutcomeSlot): void {
  addCommonOptions(program.command("report"))
    .description("(not built yet) render a report of a recorded run")
    .argument("[run-id]", "the run to report on")
    .action(
      slot.wrap(async () =>
        Err(
          new CliNotImplementedError({
            command: `${context.programName} report`,
            hint: `Reports are not built yet. \`${context.programName} db stats\` prints the totals recorded in the database.`,
          }),
        ),
      ),
    )
}
