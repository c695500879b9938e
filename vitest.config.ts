import { availableParallelism } from "node:os"
import { defineConfig } from "vitest/config"

/**
 * One vitest run over every workspace package, so CI prints a single summary.
 * Each package keeps its own `vitest.config.ts` for per-package runs (`pnpm --filter X test`).
 */
export default defineConfig({
  test: {
    projects: ["packages/*", "chains/*", "tools/*"],
    // Vitest's default is one file per core minus one: a single file at a time on a 2-core machine.
    // Most of the suite waits on 1 s devnet blocks, so two files at a time use the idle core
    // (measured on 2 cores: 1,066 s → 745 s for the whole suite; the fault suite still runs its
    // files one at a time, see its own config).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ["default", "./tools/test-helpers/src/summaryLineReporter.ts"],
  },
})
