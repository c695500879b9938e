import type { TaskDefinition } from "../tasks/defineTask.js"
import type { TaskSelection } from "../tasks/registry.js"
import { defaultTableWidth, renderTable } from "./table.js"

/**
 * The `tasks` command's table: name, category, effective weight, share of picks, description.
 * Tasks left out by weights or filter show "off".
 *
 * @example
 * io.stdout.write(renderTaskCatalog(chain.tasks, registry.select({ weights }).unwrap()))
 */
export function renderTaskCatalog(tasks: readonly TaskDefinition[], selection: TaskSelection): string {
  const rows = tasks.map((task) => {
    const weight = selection.weights[task.name]
    return [
      task.name,
      task.category,
      weight === undefined ? "0" : formatWeight(weight),
      weight === undefined ? "off" : `${(selection.probability(task.name) * 100).toFixed(1)}%`,
      `${task.description}${task.expectedFailure ? " (expected to fail)" : ""}`,
    ]
  })
  return renderTable(
    [
      { header: "task" },
      { header: "category" },
      { header: "weight", align: "right" },
      { header: "share", align: "right" },
      { header: "description", shrink: true },
    ],
    rows,
    // Fits a 100-column terminal; `tasks --json` keeps the full descriptions.
    { maxWidth: defaultTableWidth },
  )
}

/**
 * The catalog as JSON (for `tasks --json`).
 *
 * @example
 * taskCatalogJson(chain.tasks, selection) // '[{"name":"transfer","category":"native","weight":5,"share":0.5,…}]'
 */
export function taskCatalogJson(tasks: readonly TaskDefinition[], selection: TaskSelection): string {
  return JSON.stringify(
    tasks.map((task) => ({
      name: task.name,
      category: task.category,
      defaultWeight: task.weight,
      weight: selection.weights[task.name] ?? 0,
      share: selection.probability(task.name),
      expectedFailure: task.expectedFailure,
      description: task.description,
    })),
  )
}

function formatWeight(weight: number): string {
  return Number.isInteger(weight) ? String(weight) : weight.toFixed(2)
}
