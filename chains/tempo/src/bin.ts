#!/usr/bin/env node
// Placeholder until the runner and the Tempo catalog land: fail honestly, never fake a run.
process.stderr.write(
  "tempo: the workload runner is not built yet (the runner and Tempo catalog are still in progress); nothing was run.\n",
)
process.exit(1)
