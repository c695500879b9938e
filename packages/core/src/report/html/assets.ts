import { readFileSync } from "node:fs"
import { createRequire } from "node:module"

let cached: { script: string; css: string } | undefined

/**
 * uPlot's minified browser build and stylesheet, read from node_modules (resolved from this
 * module's URL, so it also works from the bundled `dist/index.js`) and cached.
 *
 * @example
 * const { script, css } = getUplotAssets()
 */
export function getUplotAssets(): { script: string; css: string } {
  if (cached !== undefined) return cached
  const require = createRequire(import.meta.url)
  cached = {
    script: readFileSync(require.resolve("uplot/dist/uPlot.iife.min.js"), "utf8"),
    css: readFileSync(require.resolve("uplot/dist/uPlot.min.css"), "utf8"),
  }
  return cached
}
