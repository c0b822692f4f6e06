// Removes build output directories before a build, so no stale file from a deleted source
// is ever compiled into the published pack: `node scripts/clean.js bin .build`.
"use strict";
const fs = require("fs");
const path = require("path");

/** Remove the given folders of the project (relative to its root). */
function clean(dirs) {
    for (const d of dirs) {
        fs.rmSync(path.join(__dirname, "..", d), { recursive: true, force: true });
    }
}

if (require.main === module) clean(process.argv.slice(2));
module.exports = { clean };
