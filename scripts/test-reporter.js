// A short reporter for node:test (npm test): one line per spec file or top-level suite, every
// failure in full (the path of test names, the assertion, expected and actual), then the totals.
// The default spec reporter prints every test of the pack: tens of thousands of lines.
"use strict";
const { inspect } = require("util");

/** String(x), or inspect(x) for what String cannot convert (an object without a prototype). */
function text(x) {
    try {
        return String(x);
    } catch {
        return inspect(x, { depth: 4 });
    }
}

function errorText(err) {
    const e = err && err.cause ? err.cause : err;
    if (!e) return "";
    const lines = [e.message || text(e)];
    if (e.expected !== undefined || e.actual !== undefined) {
        if (!text(e.message).includes("\n")) lines.push(`expected: ${inspect(e.expected, { depth: 4 })}`, `actual:   ${inspect(e.actual, { depth: 4 })}`);
    }
    if (e.stack) {
        const at = text(e.stack).split("\n").filter(l => /^\s+at /.test(l) && l.includes(".test.js")).slice(0, 2);
        lines.push(...at.map(l => l.trim()));
    }
    return lines.join("\n").split("\n").map(l => `      ${l}`).join("\n");
}

module.exports = async function* shortReporter(source) {
    const names = [];
    const totals = {};
    const failures = [];
    for await (const event of source) {
        const d = event.data || {};
        switch (event.type) {
            case "test:start":
                names[d.nesting] = d.name;
                names.length = d.nesting + 1;
                break;
            case "test:pass":
            case "test:fail": {
                names[d.nesting] = d.name;
                const failed = event.type === "test:fail";
                const error = d.details && d.details.error;
                const leaf = !(error && error.failureType === "subtestsFailed");
                if (failed && leaf) failures.push(`  ✖ ${names.slice(0, d.nesting + 1).join(" › ")}\n${errorText(error)}\n`);
                if (d.nesting === 0) {
                    const ms = d.details && d.details.duration_ms;
                    yield `${failed ? "✖" : "✔"} ${d.name}${ms !== undefined ? ` (${(ms / 1000).toFixed(1)} s)` : ""}\n`;
                }
                break;
            }
            case "test:diagnostic": {
                const m = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ([\d.]+)$/.exec(d.message || "");
                if (m && d.nesting === 0) totals[m[1]] = Number(m[2]);
                else if (!m && d.nesting === 0) yield `  ${d.message}\n`;
                break;
            }
            case "test:stderr":
            case "test:stdout":
                if (d.message && /^# /.test(d.message)) yield `  ${d.message.replace(/\n$/, "")}\n`;
                break;
        }
    }
    if (failures.length) yield `\nfailures:\n${failures.join("\n")}`;
    const t = totals;
    yield `\n${t.tests ?? "?"} tests in ${t.suites ?? "?"} suites: ${t.pass ?? 0} passed, ${t.fail ?? 0} failed, ${t.skipped ?? 0} skipped, ${t.cancelled ?? 0} cancelled (${((t.duration_ms ?? 0) / 1000).toFixed(1)} s)\n`;
};
