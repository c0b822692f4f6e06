#!/usr/bin/env node
// aks-security-baseline-report (npm run report): the Pulumi CLI's policy events as SARIF, JSON,
// JUnit or text. See tools/report.ts and README "CI results".

import * as fs from "fs";
import * as path from "path";
import { buildReport, exitCode, Format, PackInfo, parseEvents, render, ReportError } from "./report";

export const USAGE = `usage: aks-security-baseline-report --events <file> [options]
       npm run report -- --events <file> [options]

Turns the Pulumi CLI's own policy events into findings for CI tools.

  --events <file>       engine events: \`pulumi preview --event-log <file>\`, \`pulumi up --event-log <file>\`,
                        or the stdout of \`pulumi policy analyze ... --json\` ("-" reads standard input)
  --state <file>        a \`pulumi stack export\` of the stack: points each finding at the line of the
                        program that declared the resource (\`sourcePosition\`); for \`policy analyze --file\`,
                        the same file
  --format <f>          sarif | json | junit | text (default: text)
  --out <file>          write there instead of standard output
  --project-dir <dir>   the Pulumi project's directory (holds Pulumi.yaml; default: the current directory)
  --repo-root <dir>     paths in the output are relative to it (default: the nearest directory above the
                        project directory that holds .git, else the project directory)
  --exit-zero           exit 0 even when a mandatory violation was found
  -h, --help            this text

Exit status: 1 when a mandatory violation was found (unless --exit-zero), 2 on a usage or input error, else 0.`;

export interface CliOptions {
    events?: string;
    state?: string;
    format: Format;
    out?: string;
    projectDir?: string;
    repoRoot?: string;
    exitZero: boolean;
    help: boolean;
}

const FORMATS: Format[] = ["sarif", "json", "junit", "text"];

export function parseArgs(argv: string[]): CliOptions {
    const o: CliOptions = { format: "text", exitZero: false, help: false };
    const value = (i: number, flag: string) => {
        const v = argv[i + 1];
        if (v === undefined || (v.startsWith("--") && v !== "-")) throw new ReportError(`${flag} needs a value`);
        return v;
    };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
        const take = () => (inline !== undefined ? inline : value(i++, flag));
        switch (flag) {
            case "--events": o.events = take(); break;
            case "--state": o.state = take(); break;
            case "--out": o.out = take(); break;
            case "--project-dir": o.projectDir = take(); break;
            case "--repo-root": o.repoRoot = take(); break;
            case "--format": {
                const f = take();
                if (!FORMATS.includes(f as Format)) throw new ReportError(`--format ${f}: one of ${FORMATS.join(", ")}`);
                o.format = f as Format;
                break;
            }
            case "--exit-zero": o.exitZero = true; break;
            case "-h":
            case "--help": o.help = true; break;
            default:
                throw new ReportError(`unknown option ${a}`);
        }
    }
    if (!o.help && !o.events) throw new ReportError("--events <file> is required");
    return o;
}

/** The directory that holds this package's package.json (bin/tools or tools, compiled or not). */
function packageRoot(): string {
    let dir = __dirname;
    for (;;) {
        const p = path.join(dir, "package.json");
        if (fs.existsSync(p) && (JSON.parse(fs.readFileSync(p, "utf8")) as { name?: string }).name === "aks-security-baseline") return dir;
        const up = path.dirname(dir);
        if (up === dir) return path.join(__dirname, "..");
        dir = up;
    }
}

/** This pack's own policy metadata: the SARIF rules and the controls of its findings. */
export function ownPack(): PackInfo {
    const root = packageRoot();
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string; repository?: { url?: string } };
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { allPolicies } = require("../policies") as typeof import("../policies");
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { pack } = require("../policies/pack") as typeof import("../policies/pack");
    return {
        name: pack.name,
        version: pkg.version,
        informationUri: pack.args.repository,
        policies: allPolicies.map(p => ({
            name: p.name,
            displayName: p.displayName,
            description: p.description,
            severity: p.severity,
            enforcementLevel: p.enforcementLevel,
            tags: p.tags,
            remediationSteps: p.remediationSteps,
            url: p.url,
        })),
    };
}

function findRepoRoot(from: string): string {
    let dir = from;
    for (;;) {
        if (fs.existsSync(path.join(dir, ".git"))) return dir;
        const up = path.dirname(dir);
        if (up === dir) return from;
        dir = up;
    }
}

function read(file: string, cwd: string): string {
    if (file === "-") return fs.readFileSync(0, "utf8");
    const p = path.resolve(cwd, file);
    if (!fs.existsSync(p)) throw new ReportError(`${file}: no such file`);
    return fs.readFileSync(p, "utf8");
}

/** Run the tool: returns the exit status; writes the output (or the error) itself. */
export interface Io {
    out(s: string): void;
    err(s: string): void;
}

const STDIO: Io = { out: s => void process.stdout.write(s), err: s => void process.stderr.write(s) };

export function main(argv: string[], cwd = process.env.INIT_CWD || process.cwd(), io: Io = STDIO): number {
    let o: CliOptions;
    try {
        o = parseArgs(argv);
    } catch (e) {
        io.err(`error: ${(e as Error).message}\n\n${USAGE}\n`);
        return 2;
    }
    if (o.help) {
        io.out(`${USAGE}\n`);
        return 0;
    }
    try {
        const events = parseEvents(read(o.events!, cwd), o.events);
        let state: unknown;
        if (o.state) {
            try {
                state = JSON.parse(read(o.state, cwd));
            } catch (e) {
                if (e instanceof ReportError) throw e;
                throw new ReportError(`${o.state}: not JSON: ${(e as Error).message}`);
            }
        }
        const projectDir = path.resolve(cwd, o.projectDir ?? ".");
        const repoRoot = o.repoRoot ? path.resolve(cwd, o.repoRoot) : findRepoRoot(projectDir);
        const relProject = path.relative(repoRoot, projectDir).split(path.sep).join("/");
        const packs = [ownPack()];
        const report = buildReport(events, { state, projectDir: relProject, packs });
        const pulumiYaml = ["Pulumi.yaml", "Pulumi.yml"].find(f => fs.existsSync(path.join(projectDir, f)));
        const fallbackFile = pulumiYaml ? path.posix.join(relProject || ".", pulumiYaml) : undefined;
        const text = render(report, o.format, packs, { fallbackFile });
        if (o.out) {
            const p = path.resolve(cwd, o.out);
            fs.mkdirSync(path.dirname(p), { recursive: true });
            fs.writeFileSync(p, text);
        } else {
            io.out(text);
        }
        return o.exitZero ? 0 : exitCode(report);
    } catch (e) {
        if (e instanceof ReportError || (e as NodeJS.ErrnoException).code) {
            io.err(`error: ${(e as Error).message}\n`);
            return 2;
        }
        throw e;
    }
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
