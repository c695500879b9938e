import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "pack-consume",
    include: ["src/**/*.test.ts"],
    // Installs from tarballs and runs a devnet: minutes, not seconds, on a cold cache.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
})
