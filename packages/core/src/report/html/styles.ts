/**
 * The report page's own stylesheet (uPlot's is inlined next to it).
 *
 * @example
 * const html = `<style>${reportStyles}</style>`
 */
export const reportStyles = `
:root { color-scheme: light; --ink: #111827; --muted: #6b7280; --line: #e5e7eb; --panel: #f9fafb; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 14px; margin: 16px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.note, .meta { color: var(--muted); }
.runs { display: grid; grid-template-columns: repeat(var(--columns, 1), minmax(0, 1fr)); gap: 32px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; }
.compare .charts { grid-template-columns: 1fr; }
.chart { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px; min-width: 0; }
.chart h3 { margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; }
table.kv { max-width: 760px; }
table.kv th { width: 55%; font-weight: 500; color: var(--muted); }
.scroll { overflow-x: auto; }
code { font-family: ui-monospace, monospace; }
`
