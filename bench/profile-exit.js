// Loaded into the pack's process (node --require) by `bench/run.ts --profile`: on SIGTERM, exit
// normally so that V8 writes the --cpu-prof profile (the engine's SIGKILL would lose it).
"use strict";
process.on("SIGTERM", () => process.exit(0));
