import { defineProject } from "vitest/config"

// One test file at a time (each starts its own anvil); inside networkConditions.test.ts the
// profiles, which share that file's anvil but nothing else, run three at a time.
export default defineProject({
  test: {
    name: "fault-suite",
    include: ["src/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxConcurrency: 3,
  },
})
