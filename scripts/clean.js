// Removes build output directories before a build, so no stale file from a deleted source
// is ever compiled into the published pack: `node scripts/clean.js bin .build`.
"use strict";
const fs = require("fs");
const path = require("path");
for (const d of process.argv.slice(2)) {
    fs.rmSync(path.join(__dirname, "..", d), { recursive: true, force: true });
}
