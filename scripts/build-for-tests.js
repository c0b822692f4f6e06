// What `npm test` builds, both compilations side by side (tsc is single-threaded; the machine
// has two cores): the published pack (bin/, tsconfig.build.json, exactly as `npm run build`)
// and the specs with the sources they import (.build/, tsconfig.dev.json). Both output folders
// are removed first, so no stale file of a deleted source is packed or run. Either compilation
// failing fails the build, with the compiler's own output.
"use strict";
const { spawn } = require("child_process");
const path = require("path");
const { clean } = require("./clean.js");

const root = path.join(__dirname, "..");
clean(["bin", ".build"]);
const tsc = require.resolve("typescript-build/bin/tsc", { paths: [root] });
const compile = project =>
    new Promise(resolve => {
        const p = spawn(process.execPath, [tsc, "-p", project], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        p.stdout.on("data", d => (out += d));
        p.stderr.on("data", d => (out += d));
        p.on("close", code => resolve({ code, out }));
    });
Promise.all([compile("tsconfig.build.json"), compile("tsconfig.dev.json")]).then(results => {
    for (const r of results) process.stdout.write(r.out);
    process.exit(results.some(r => r.code !== 0) ? 1 : 0);
});
