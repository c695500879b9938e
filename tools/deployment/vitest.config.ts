import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "deployment",
    include: ["src/**/*.test.ts"],
    testTimeout: 120_000,
  },
})
