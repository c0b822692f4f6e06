// Runs the compiled specs (.build/tests/**/*.test.js) with node's test runner.
// Node 20's --test takes files, not globs, so this lists them.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..", ".build", "tests");
const files = [];
(function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(".test.js")) files.push(p);
    }
})(root);
const filter = process.argv.slice(2);
const chosen = filter.length ? files.filter(f => filter.some(x => f.includes(x))) : files;
const r = spawnSync(process.execPath, ["--test", ...chosen.sort()], { stdio: "inherit" });
process.exit(r.status === null ? 1 : r.status);
