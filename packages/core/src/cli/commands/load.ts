import type { Command } from "commander"
import type { TaskDefinition } from "../../tasks/defineTask.js"
import { createTaskRegistry } from "../../tasks/registry.js"
import { addCommonOptions, addConnectionOptions, addRunOptions } from "../commonOptions.js"
import type { RunFlagOptions } from "../configFlags.js"
import type { CliContext, CommandResult, OutcomeSlot } from "../context.js"
import { executeLoad, type LoadRequest } from "../executeLoad.js"
import { parseList, type Shard } from "../flagParsers.js"
import { loadCommandConfig } from "../loadCommandConfig.js"

type LoadOptions = RunFlagOptions & { config?: string; json?: boolean; verbose?: boolean; shard?: Shard }

/**
 * `start`, `run <task>` and `sequence <a,b,c>`: the commands that drive the runner.
 *
 * @example
 * registerLoadCommands(program, context, slot) // then: tempo start --tps 50 --duration 60
 */
export function registerLoadCommands(program: Command, context: CliContext, slot: OutcomeSlot): void {
  const name = context.programName
  addRunOptions(addConnectionOptions(addCommonOptions(program.command("start"))))
    .description("run the load: weighted random tasks at the target rate until duration/count/Ctrl-C")
    .addHelpText(
      "after",
      `
Examples:
  $ ${name} start --duration 60 --tps 20                # embedded devnet, 60 s at 20 tasks/s
  $ ${name} start --rpc-url https://rpc.example --config testnet.toml --wallets 50
  $ ${name} start --tasks transfer,deploy_counter --seed 7 --count 1000 --json
  $ ${name} start --shard 2/4 --db postgres://user@db/testnet   # machine 2 of 4, shared database`,
    )
    .action(slot.wrap(async (options: LoadOptions) => prepare(context, options, { kind: "start" })))

  addRunOptions(addConnectionOptions(addCommonOptions(program.command("run"))))
    .description("run one task once and print what it did")
    .argument("<task>", "task name (see the tasks command)")
    .addHelpText(
      "after",
      `\nExamples:\n  $ ${name} run transfer\n  $ ${name} run deploy_counter --rpc-url http://127.0.0.1:8545`,
    )
    .action(
      slot.wrap(async (task: string, options: LoadOptions) =>
        prepare(context, options, { kind: "run", task }),
      ),
    )

  addRunOptions(addConnectionOptions(addCommonOptions(program.command("sequence"))))
    .description("run several tasks once each, in the given order, with one wallet")
    .argument("<tasks>", "comma-separated task names", (text: string) => parseList(text))
    .addHelpText("after", `\nExamples:\n  $ ${name} sequence deploy_counter,call_counter`)
    .action(
      slot.wrap(async (tasks: string[], options: LoadOptions) =>
        prepare(context, options, { kind: "sequence", tasks }),
      ),
    )
}

type RequestedMode =
  | { kind: "start" }
  | { kind: "run"; task: string }
  | { kind: "sequence"; tasks: readonly string[] }

async function prepare(
  context: CliContext,
  options: LoadOptions,
  requested: RequestedMode,
): Promise<CommandResult> {
  const registry = createTaskRegistry(context.chain.tasks)
  const named =
    requested.kind === "run" ? [requested.task] : requested.kind === "sequence" ? requested.tasks : []
  const tasks: TaskDefinition[] = []
  for (const taskName of named) {
    const found = registry.get(taskName)
    if (found.isErr()) return found
    tasks.push(found.value)
  }
  const config = await loadCommandConfig(context, options)
  if (config.isErr()) return config
  if (requested.kind === "start") {
    // Weights and filter are checked before anything starts (a typo must not cost a devnet start).
    const selection = registry.select({
      weights: config.value.taskWeights,
      ...(config.value.tasks === undefined ? {} : { tasks: config.value.tasks }),
    })
    if (selection.isErr()) return selection
  }
  const [first] = tasks
  const mode: LoadRequest["mode"] =
    requested.kind === "run" && first !== undefined
      ? { kind: "run", task: first }
      : requested.kind === "sequence"
        ? { kind: "sequence", tasks }
        : { kind: "start" }
  return executeLoad(context, {
    mode,
    walletsFromFlag: options.wallets !== undefined,
    config: config.value,
    ...(options.shard === undefined ? {} : { shard: options.shard }),
    json: options.json === true,
    verbose: options.verbose === true,
  })
}
