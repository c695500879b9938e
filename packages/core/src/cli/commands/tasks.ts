import type { Command } from "commander"
import { Ok } from "../../result.js"
import { createTaskRegistry } from "../../tasks/registry.js"
import { addCommonOptions } from "../commonOptions.js"
import type { CliContext, OutcomeSlot } from "../context.js"
import { exitCodes } from "../exitCodes.js"
import { parseList, parseWeights } from "../flagParsers.js"
import { examplesText, exampleTaskNames } from "../helpText.js"
import { loadCommandConfig } from "../loadCommandConfig.js"
import { renderTaskCatalog, taskCatalogJson } from "../taskCatalog.js"

/**
 * `tasks`: the chain's catalog with categories and effective weights (config and flags applied).
 *
 * @example
 * registerTasksCommand(program, context, slot) // then: tempo tasks --weights deploy_counter=10
 */
export function registerTasksCommand(program: Command, context: CliContext, slot: OutcomeSlot): void {
  addCommonOptions(program.command("tasks"))
    .description("list the task catalog with categories and weights")
    .addHelpText(
      "after",
      examplesText(context.programName, [
        "tasks",
        `tasks --weights ${exampleTaskNames(context.chain)[0]}=10,${exampleTaskNames(context.chain)[1]}=0`,
        "tasks --config testnet.toml --json",
      ]),
    )
    .option("-t, --tasks <names>", "only these tasks (comma-separated)", parseList)
    .option("--weights <name=w,...>", "override task weights", parseWeights)
    .action(
      slot.wrap(
        async (options: {
          config?: string
          json?: boolean
          tasks?: string[]
          weights?: Record<string, number>
        }) => {
          const config = await loadCommandConfig(context, options)
          if (config.isErr()) return config
          const registry = createTaskRegistry(context.chain.tasks)
          const selection = registry.select({
            weights: config.value.taskWeights,
            ...(config.value.tasks === undefined ? {} : { tasks: config.value.tasks }),
          })
          if (selection.isErr()) return selection
          context.io.stdout.write(
            options.json
              ? `${taskCatalogJson(context.chain.tasks, selection.value)}\n`
              : renderTaskCatalog(context.chain.tasks, selection.value),
          )
          return Ok(exitCodes.ok)
        },
      ),
    )
}
