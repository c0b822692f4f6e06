// Loaded into the pack's process (node --expose-gc --require) by bench/soak.ts: on SIGUSR2,
// collect garbage and write the process's memory figures (and, when asked, a heap snapshot)
// to the file named by SOAK_PROBE, so that retained memory can be told from garbage not yet
// collected and from memory the allocator keeps.
"use strict";
const fs = require("fs");
const v8 = require("v8");
const out = process.env.SOAK_PROBE;
process.on("SIGUSR2", () => {
    const before = process.memoryUsage();
    if (typeof global.gc === "function") global.gc();
    const after = process.memoryUsage();
    let snapshot;
    const cmd = `${out}.cmd`;
    if (fs.existsSync(cmd)) {
        snapshot = fs.readFileSync(cmd, "utf8").trim();
        fs.unlinkSync(cmd);
        if (snapshot) v8.writeHeapSnapshot(snapshot);
    }
    fs.writeFileSync(`${out}.tmp`, JSON.stringify({ before, after, snapshot }));
    fs.renameSync(`${out}.tmp`, out);
});
