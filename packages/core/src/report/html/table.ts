import { escapeHtml } from "./escape.js"

/**
 * A column of an HTML table: header text and alignment (numbers right-aligned).
 *
 * @example
 * const column: Column = { header: "count", numeric: true }
 */
export type Column = { header: string; numeric?: boolean }

/**
 * An HTML table; every header and cell is escaped.
 *
 * @example
 * renderTable([{ header: "task" }, { header: "count", numeric: true }], [["transfer", "12"]])
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const head = columns
    .map((column) => `<th${column.numeric ? ' class="num"' : ""}>${escapeHtml(column.header)}</th>`)
    .join("")
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map(
            (cell, index) => `<td${columns[index]?.numeric ? ' class="num"' : ""}>${escapeHtml(cell)}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("\n")
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

/**
 * A two-column key/value table.
 *
 * @example
 * renderKeyValues([["chain", "tempo"], ["status", "completed"]])
 */
export function renderKeyValues(rows: readonly (readonly [string, string])[]): string {
  return `<table class="kv"><tbody>\n${rows
    .map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("\n")}\n</tbody></table>`
}

/**
 * Flattens a nested object into dotted key paths with JSON values (for the parameters table).
 *
 * @example
 * flattenParameters({ gas: { baseFeeMultiplier: 2 } }) // [["gas.baseFeeMultiplier", "2"]]
 */
export function flattenParameters(value: Record<string, unknown>, prefix = ""): [string, string][] {
  const rows: [string, string][] = []
  for (const [key, entry] of Object.entries(value).sort(([left], [right]) => left.localeCompare(right))) {
    const path = prefix === "" ? key : `${prefix}.${key}`
    if (typeof entry === "object" && entry !== null && !Array.isArray(entry))
      rows.push(...flattenParameters(entry as Record<string, unknown>, path))
    else rows.push([path, typeof entry === "string" ? entry : (JSON.stringify(entry) ?? "undefined")])
  }
  return rows
}
