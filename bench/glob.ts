// Exemption globs against adversarial patterns (npm run bench:glob): the matcher's steps and
// time per match (lib/core/glob.ts), the backtracking regular expression it replaced for the same
// patterns (as far as it finishes within a few seconds), and the pack's Analyze latency over
// the protocol with and without such exemptions configured for every policy.
//
//   node -r ./scripts/ts.js bench/glob.ts [--no-protocol]

import { performance } from "perf_hooks";
import { Engine } from "../engine/engine";
import { globMatch, globSteps } from "../lib/core/glob";
import { mixedStack, ROOT } from "./stack";
import { analyzeBytes, median, raw } from "./run";

/** What the pack did before: a regular expression built from the glob. */
function oldGlob(pattern: string): RegExp {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${body}$`);
}

const hyphenated = (n: number) => Array.from({ length: n }, (_, i) => `seg${i}`).join("-");
const stars = (k: number) => `${Array(k).fill("*").join("-")}-x`;

function timeOf(f: () => void, minMs = 200): number {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < minMs) {
        f();
        n++;
    }
    return ((performance.now() - t0) * 1000) / n; // µs per call
}

function matcher(): void {
    const name = hyphenated(40); // 269 characters
    console.log(`\n## Matcher: \`*-*-...-x\` (k stars) against a ${name.length}-character hyphenated name\n`);
    console.log("| stars | steps | µs per match | regular expression (before) |");
    console.log("|---:|---:|---:|---:|");
    let regexGaveUp = false;
    for (const k of [2, 4, 6, 8, 10, 16, 32]) {
        const p = stars(k);
        const { steps } = globSteps(p, name);
        const us = timeOf(() => globMatch(p, name));
        let before = "not run (exponential)";
        if (!regexGaveUp) {
            const re = oldGlob(p);
            const t0 = performance.now();
            re.test(name);
            const ms = performance.now() - t0;
            before = `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
            if (ms > 1500) regexGaveUp = true;
        }
        console.log(`| ${k} | ${steps} | ${us.toFixed(2)} | ${before} |`);
    }
    console.log("\n| pattern | name length | steps | µs per match |");
    console.log("|---|---:|---:|---:|");
    for (const n of [100, 1000, 10000]) {
        for (const [label, p] of [["`*-*-*-*-*-*-*-*-*-*-x`", stars(10)], ["`*aaa…ab*` (32-char segment)", `*${"a".repeat(31)}b*`], ["`*a?a?…b*` (32-char segment)", `*${"a?".repeat(15)}ab*`]] as const) {
            const t = label.startsWith("`*-") ? `${hyphenated(Math.ceil(n / 6)).slice(0, n - 2)}-y` : "a".repeat(n);
            console.log(`| ${label} | ${t.length} | ${globSteps(p, t).steps} | ${timeOf(() => globMatch(p, t)).toFixed(2)} |`);
        }
    }
}

async function protocol(): Promise<void> {
    const name = hyphenated(40);
    const resources = mixedStack().slice(0, 150).map(r => ({ ...r, name, urn: r.urn.replace(/::[^:]*$/, `::${name}`) }));
    const bytes = resources.map(analyzeBytes);
    const engine = await Engine.launch(ROOT, { dryRun: true });
    try {
        const info = await engine.analyzerInfo();
        const once = async () => {
            const ms: number[] = [];
            for (const b of bytes) {
                const t = performance.now();
                await raw(engine, "analyze", b);
                ms.push(performance.now() - t);
            }
            return ms;
        };
        await engine.configure();
        await once();
        const plain = median(await once());
        const glob = [stars(10), stars(16), `*${"-*".repeat(40)}-x`];
        await engine.configure(Object.fromEntries(info.policies.map((p, i) => [p.name, {
            exemptions: [{ match: { name: glob[i % 3] }, reason: "r" }, { match: { urn: glob[(i + 1) % 3] }, reason: "r" }],
        }])));
        await once();
        const adversarial = median(await once());
        console.log(`\n## Over the protocol: Analyze of ${resources.length} resources named \`${name.slice(0, 24)}…\` (${name.length} characters)\n`);
        console.log("| configuration | Analyze median |");
        console.log("|---|---:|");
        console.log(`| no exemptions | ${plain.toFixed(2)} ms |`);
        console.log(`| every policy with two adversarial exemptions (name and urn globs, 10 to 41 stars) | ${adversarial.toFixed(2)} ms |`);
    } finally {
        await engine.close();
    }
}

async function main(): Promise<void> {
    matcher();
    if (!process.argv.includes("--no-protocol")) await protocol();
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
