// A minimal Pulumi engine for the Analyzer protocol. It launches a policy pack directory
// exactly as the Pulumi CLI does (../shared/PROTOCOL.md) and speaks gRPC to it: the tests,
// the demo and the benchmarks play the engine's part with it.

import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as readline from "readline";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as apb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { ConfigFile, Level, PolicyConfigEntry, PolicySchemaInfo, reconcile } from "./config";
import { decode, encode } from "./wire";

export interface LaunchOptions {
    /** Stack, project and organization names. */
    stack?: string;
    project?: string;
    organization?: string;
    /** True for `pulumi preview`, false for `pulumi up`. */
    dryRun?: boolean;
    /** Stack config (PULUMI_CONFIG) and stack tags (ConfigureStack). */
    stackConfig?: Record<string, string>;
    stackTags?: Record<string, string>;
    /** Extra node arguments, placed before the engine address as the CLI allows. */
    nodeArgs?: string[];
    /**
     * Boot the pack as `pulumi policy publish` does: no stack, so no ConfigureStack call and
     * none of the PULUMI_NODEJS_* stack variables (pkg/backend/httpstate/policypack.go).
     */
    stackless?: boolean;
    env?: Record<string, string>;
}

/** One resource as the engine sends it. Property values may hold `unknown` and `secret(...)`. */
export interface EngineResource {
    type: string;
    name: string;
    urn: string;
    /** Inputs (Analyze, Remediate); outputs for AnalyzeStack. */
    inputs: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    provider?: { type: string; name: string; urn: string; inputs?: Record<string, unknown> };
    protect?: boolean;
}

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    enforcementLevel: Level;
    severity: string;
    urn: string;
}

export interface NotApplicable {
    policyName: string;
    reason: string;
}

export interface AnalyzeResult {
    diagnostics: Diagnostic[];
    notApplicable: NotApplicable[];
}

export interface Remediation {
    policyName: string;
    description: string;
    /** The remediated property bag (decoded: `unknown`, `secret(...)`). */
    properties?: Record<string, unknown>;
    diagnostic?: string;
}

export interface PolicyInfo extends PolicySchemaInfo {
    displayName: string;
    description: string;
    policyType: "resource" | "stack" | "unknown";
    severity: string;
    framework?: { name: string; version: string; reference: string; specification: string };
    tags: string[];
    remediationSteps: string;
    url: string;
}

export interface AnalyzerInfo {
    name: string;
    version: string;
    displayName: string;
    description: string;
    readme: string;
    provider: string;
    tags: string[];
    repository: string;
    supportsConfig: boolean;
    initialConfig: ConfigFile;
    policies: PolicyInfo[];
}

const LEVEL_NAMES: Record<number, Level> = {
    [apb.EnforcementLevel.ADVISORY]: "advisory",
    [apb.EnforcementLevel.MANDATORY]: "mandatory",
    [apb.EnforcementLevel.DISABLED]: "disabled",
    [apb.EnforcementLevel.REMEDIATE]: "remediate",
};
const LEVEL_CODES: Record<Level, apb.EnforcementLevel> = {
    advisory: apb.EnforcementLevel.ADVISORY,
    mandatory: apb.EnforcementLevel.MANDATORY,
    disabled: apb.EnforcementLevel.DISABLED,
    remediate: apb.EnforcementLevel.REMEDIATE,
};
const SEVERITY_NAMES: Record<number, string> = {
    [apb.PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: "",
    [apb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
    [apb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
    [apb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
    [apb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

/** Where the Pulumi CLI finds the policy-pack runner: resolved from the pack directory. */
export function resolveRunner(packDir: string): string {
    return require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
}

function unary<Req, Res>(client: AnalyzerClient, method: string, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
        const fn = (client as unknown as Record<string, (r: Req, cb: (e: grpc.ServiceError | null, r: Res) => void) => void>)[method];
        fn.call(client, req, (err, res) => (err ? reject(err) : resolve(res)));
    });
}

function struct(v: Record<string, unknown> | undefined): Struct {
    return Struct.fromJavaScript((encode(v ?? {}) ?? {}) as Record<string, never>);
}

function options(r: EngineResource): apb.AnalyzerResourceOptions {
    const o = new apb.AnalyzerResourceOptions();
    o.setProtect(r.protect ?? false);
    if (r.parent) {
        o.setParent(r.parent);
    }
    return o;
}

function provider(r: EngineResource): apb.AnalyzerProviderResource | undefined {
    if (!r.provider) {
        return undefined;
    }
    const p = new apb.AnalyzerProviderResource();
    p.setType(r.provider.type);
    p.setName(r.provider.name);
    p.setUrn(r.provider.urn);
    p.setProperties(struct(r.provider.inputs));
    return p;
}

/** An AnalyzeRequest as the engine sends it (Remediate takes the same message). */
export function analyzeRequest(r: EngineResource): apb.AnalyzeRequest {
    const req = new apb.AnalyzeRequest();
    req.setType(r.type);
    req.setName(r.name);
    req.setUrn(r.urn);
    req.setProperties(struct(r.inputs));
    req.setOptions(options(r));
    const p = provider(r);
    if (p) req.setProvider(p);
    return req;
}

/** An AnalyzeStackRequest as the engine sends it: outputs, parent, dependencies, propertyDependencies. */
export function analyzeStackRequest(resources: EngineResource[]): apb.AnalyzeStackRequest {
    const req = new apb.AnalyzeStackRequest();
    req.setResourcesList(resources.map(r => {
        const ar = new apb.AnalyzerResource();
        ar.setType(r.type);
        ar.setName(r.name);
        ar.setUrn(r.urn);
        ar.setProperties(struct(r.outputs ?? r.inputs));
        ar.setOptions(options(r));
        if (r.parent) ar.setParent(r.parent);
        ar.setDependenciesList(r.dependencies ?? []);
        for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
            const d = new apb.AnalyzerPropertyDependencies();
            d.setUrnsList(urns);
            ar.getPropertydependenciesMap().set(k, d);
        }
        const p = provider(r);
        if (p) ar.setProvider(p);
        return ar;
    }));
    return req;
}

export function analyzeResult(res: apb.AnalyzeResponse): AnalyzeResult {
    return {
        diagnostics: res.getDiagnosticsList().map(d => ({
            policyName: d.getPolicyname(),
            policyPackName: d.getPolicypackname(),
            policyPackVersion: d.getPolicypackversion(),
            description: d.getDescription(),
            message: d.getMessage(),
            enforcementLevel: LEVEL_NAMES[d.getEnforcementlevel()],
            severity: SEVERITY_NAMES[d.getSeverity()] ?? "",
            urn: d.getUrn(),
        })),
        notApplicable: res.getNotApplicableList().map(n => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
    };
}

export class Engine {
    private info?: AnalyzerInfo;
    private stderr = "";

    private constructor(
        readonly packDir: string,
        readonly proc: ChildProcess,
        readonly client: AnalyzerClient,
        readonly opts: LaunchOptions,
    ) {
        proc.stderr?.on("data", (b: Buffer) => {
            if (this.stderr.length < 1 << 20) this.stderr += b.toString();
        });
    }

    /** What the pack printed on stderr so far (for failing tests). */
    get log(): string {
        return this.stderr;
    }

    /** Launch the pack as the CLI does and connect. Resolves once the pack printed its port. */
    static async launch(packDir: string, opts: LaunchOptions = {}): Promise<Engine> {
        const dir = path.resolve(packDir);
        const runner = resolveRunner(dir);
        const env: Record<string, string> = {
            ...(process.env as Record<string, string>),
            PULUMI_NODEJS_TYPESCRIPT: "true",
            ...(opts.stackless
                ? {}
                : {
                      PULUMI_NODEJS_ORGANIZATION: opts.organization ?? "organization",
                      PULUMI_NODEJS_PROJECT: opts.project ?? "project",
                      PULUMI_NODEJS_STACK: opts.stack ?? "dev",
                      PULUMI_NODEJS_DRY_RUN: String(opts.dryRun ?? true),
                  }),
            ...(opts.env ?? {}),
        };
        if (opts.stackless) {
            for (const k of Object.keys(env)) if (k.startsWith("PULUMI_NODEJS_") && k !== "PULUMI_NODEJS_TYPESCRIPT") delete env[k];
            delete env.PULUMI_CONFIG;
        } else if (opts.stackConfig) {
            env.PULUMI_CONFIG = JSON.stringify(opts.stackConfig);
        }
        // The Node SDK never calls the engine address; any address in the right shape will do.
        const args = [...(opts.nodeArgs ?? []), runner, "127.0.0.1:1", dir];
        const proc = spawn(process.execPath, args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
        const port = await new Promise<number>((resolve, reject) => {
            let err = "";
            proc.stderr!.on("data", (b: Buffer) => (err += b.toString()));
            const rl = readline.createInterface({ input: proc.stdout! });
            rl.once("line", line => {
                const n = Number(line.trim());
                if (Number.isInteger(n) && n > 0) {
                    resolve(n);
                } else {
                    reject(new Error(`policy pack printed ${JSON.stringify(line)} before its port\n${err}`));
                }
            });
            proc.once("exit", code => reject(new Error(`policy pack exited with ${code} before printing its port\n${err}`)));
            proc.once("error", reject);
        });
        const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        });
        const engine = new Engine(dir, proc, client, opts);
        if (!opts.stackless) {
            await engine.configureStack();
        }
        return engine;
    }

    private async configureStack(): Promise<void> {
        const req = new apb.AnalyzerStackConfigureRequest();
        req.setStack(this.opts.stack ?? "dev");
        req.setProject(this.opts.project ?? "project");
        req.setOrganization(this.opts.organization ?? "organization");
        req.setDryRun(this.opts.dryRun ?? true);
        for (const [k, v] of Object.entries(this.opts.stackConfig ?? {})) {
            req.getConfigMap().set(k, v);
        }
        for (const [k, v] of Object.entries(this.opts.stackTags ?? {})) {
            req.getTagsMap().set(k, v);
        }
        await unary(this.client, "configureStack", req);
    }

    async pluginVersion(): Promise<string> {
        const res = await unary<Empty, { getVersion(): string }>(this.client, "getPluginInfo", new Empty());
        return res.getVersion();
    }

    async analyzerInfo(): Promise<AnalyzerInfo> {
        if (this.info) {
            return this.info;
        }
        const ai = await unary<Empty, apb.AnalyzerInfo>(this.client, "getAnalyzerInfo", new Empty());
        const initialConfig: ConfigFile = {};
        ai.getInitialconfigMap().forEach((v, k) => {
            initialConfig[k] = { enforcementLevel: LEVEL_NAMES[v.getEnforcementlevel()], ...(v.getProperties()?.toJavaScript() ?? {}) };
        });
        this.info = {
            name: ai.getName(),
            version: ai.getVersion(),
            displayName: ai.getDisplayname(),
            description: ai.getDescription(),
            readme: ai.getReadme(),
            provider: ai.getProvider(),
            tags: ai.getTagsList(),
            repository: ai.getRepository(),
            supportsConfig: ai.getSupportsconfig(),
            initialConfig,
            policies: ai.getPoliciesList().map(p => {
                const fw = p.getFramework();
                const schema = p.getConfigschema();
                return {
                    name: p.getName(),
                    displayName: p.getDisplayname(),
                    description: p.getDescription(),
                    enforcementLevel: LEVEL_NAMES[p.getEnforcementlevel()],
                    policyType:
                        p.getPolicyType() === apb.PolicyType.POLICY_TYPE_RESOURCE ? "resource"
                            : p.getPolicyType() === apb.PolicyType.POLICY_TYPE_STACK ? "stack" : "unknown",
                    severity: SEVERITY_NAMES[p.getSeverity()] ?? "",
                    framework: fw
                        ? { name: fw.getName(), version: fw.getVersion(), reference: fw.getReference(), specification: fw.getSpecification() }
                        : undefined,
                    tags: p.getTagsList(),
                    remediationSteps: p.getRemediationSteps(),
                    url: p.getUrl(),
                    configSchema: schema
                        ? { properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>, required: schema.getRequiredList() }
                        : undefined,
                };
            }),
        };
        return this.info;
    }

    /**
     * Reconcile `file` (a --policy-pack-config document) with the pack's declared levels and
     * schema defaults, validate it, and send one Configure entry per policy. Throws
     * ConfigError as the CLI would abort.
     */
    async configure(file?: ConfigFile): Promise<Record<string, PolicyConfigEntry>> {
        const info = await this.analyzerInfo();
        const entries = reconcile(info.policies, info.initialConfig, file);
        await this.configureEntries(entries);
        return entries;
    }

    /**
     * Send Configure entries exactly as given, neither reconciled nor validated: what reaches a
     * pack by the paths that skip the CLI's schema validation (older CLIs, policy groups edited
     * by hand, a pack's initialConfig).
     */
    async configureEntries(entries: Record<string, PolicyConfigEntry>): Promise<void> {
        const req = new apb.ConfigureAnalyzerRequest();
        for (const [name, e] of Object.entries(entries)) {
            const pc = new apb.PolicyConfig();
            pc.setEnforcementlevel(LEVEL_CODES[e.enforcementLevel]);
            pc.setProperties(Struct.fromJavaScript(e.properties as Record<string, never>));
            req.getPolicyconfigMap().set(name, pc);
        }
        await unary(this.client, "configure", req);
    }

    async analyze(r: EngineResource): Promise<AnalyzeResult> {
        return analyzeResult(await unary<apb.AnalyzeRequest, apb.AnalyzeResponse>(this.client, "analyze", analyzeRequest(r)));
    }

    async remediate(r: EngineResource): Promise<{ remediations: Remediation[]; notApplicable: NotApplicable[] }> {
        const res = await unary<apb.AnalyzeRequest, apb.RemediateResponse>(this.client, "remediate", analyzeRequest(r));
        return {
            remediations: res.getRemediationsList().map(x => ({
                policyName: x.getPolicyname(),
                description: x.getDescription(),
                properties: x.getProperties() ? (decode(x.getProperties()!.toJavaScript()) as Record<string, unknown>) : undefined,
                diagnostic: x.getDiagnostic() || undefined,
            })),
            notApplicable: res.getNotApplicableList().map(n => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
        };
    }

    async analyzeStack(resources: EngineResource[]): Promise<AnalyzeResult> {
        return analyzeResult(await unary<apb.AnalyzeStackRequest, apb.AnalyzeResponse>(this.client, "analyzeStack", analyzeStackRequest(resources)));
    }

    /**
     * A whole run as `pulumi preview`/`pulumi up` makes it: per resource Remediate then
     * Analyze (with the remediated inputs), then AnalyzeStack over everything.
     */
    async run(resources: EngineResource[]): Promise<RunResult> {
        const perResource: RunResult["resources"] = [];
        const analyzed: EngineResource[] = [];
        for (const r of resources) {
            const rem = await this.remediate(r);
            let inputs = r.inputs;
            for (const x of rem.remediations) {
                if (x.properties) inputs = x.properties;
            }
            const res = await this.analyze({ ...r, inputs });
            perResource.push({ resource: r, remediations: rem.remediations, ...res });
            analyzed.push({ ...r, inputs, outputs: r.outputs ?? inputs });
        }
        const stack = await this.analyzeStack(analyzed);
        return { resources: perResource, stack };
    }

    async close(): Promise<void> {
        this.client.close();
        if (this.proc.exitCode === null) {
            const exited = new Promise<void>(resolve => this.proc.once("exit", () => resolve()));
            this.proc.kill("SIGKILL");
            await exited;
        }
    }
}

export interface RunResult {
    resources: (AnalyzeResult & { resource: EngineResource; remediations: Remediation[] })[];
    stack: AnalyzeResult;
}
