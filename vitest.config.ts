import { defineConfig } from "vitest/config"

/**
 * One vitest run over every workspace package, so CI prints a single summary.
 * Each package keeps its own `vitest.config.ts` for per-package runs (`pnpm --filter X test`).
 */
export default defineConfig({
  test: {
    projects: ["packages/*", "chains/*", "tools/*"],
    reporters: ["default", "./tools/test-helpers/src/summaryLineReporter.ts"],
  },
})
