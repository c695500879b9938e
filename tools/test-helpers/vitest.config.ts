import { defineProject } from "vitest/config"

export default defineProject({
  test: { name: "test-helpers", include: ["src/**/*.test.ts"], passWithNoTests: true },
})
