import { defineProject } from "vitest/config"

// One anvil and one CLI at a time: the profiles share the chain and run in sequence.
export default defineProject({
  test: {
    name: "fault-suite",
    include: ["src/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
