// A require hook that runs the repository's TypeScript sources (scripts, benchmarks, example
// programs) without a type-check, as `ts-node --transpile-only` would: `node -r ./scripts/ts.js x.ts`.
//
// The compiler is installed under an alias (devDependency "typescript-build"), not as
// "typescript", on purpose: @pulumi/pulumi declares typescript and ts-node as optional peer
// dependencies, and npm installs any top-level package that satisfies an optional peer of a
// production dependency even with --production. Under its own name the compiler (and ts-node)
// would land on every machine that enforces the published pack and slow its start (see
// README "Publishing").
"use strict";
const fs = require("fs");
const path = require("path");

const ts = require(require.resolve("typescript-build", { paths: [path.join(__dirname, "..")] }));
const options = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2020,
    esModuleInterop: true,
    resolveJsonModule: true,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: true,
};

function compile(module, filename) {
    const source = fs.readFileSync(filename, "utf8");
    const out = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
    module._compile(out.outputText, filename);
}

if (!require.extensions[".ts"]) {
    require.extensions[".ts"] = compile;
}
