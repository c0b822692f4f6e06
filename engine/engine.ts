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
import { ConfigFile, Level, PolicyConfigEntry, PolicySchemaInfo, resolveConfig } from "./config";
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
    /**
     * PulumiPolicy.yaml `runtime.options.nodeargs`. The language host places them AFTER the
     * runner script (`node <runner> <nodeargs...> <engine> <pack dir>`), so they reach the
     * runner as arguments and never node itself (sdk/nodejs/cmd/pulumi-language-nodejs/main.go RunPlugin).
     */
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
    /** The resource options the engine sends (step_generator.go: AnalyzerResourceOptions). */
    protect?: boolean;
    ignoreChanges?: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs?: string[];
    aliases?: string[];
    customTimeouts?: { create?: number; update?: number; delete?: number };
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
    policyPackName: string;
    policyPackVersion: string;
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
    initialConfig: Record<string, PolicyConfigEntry>;
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

/** Properties without top-level `__` keys: Analyze and AnalyzeStack skip internal keys, Remediate keeps them (analyzer_plugin.go). */
function skipInternal(v: Record<string, unknown> | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v ?? {})) {
        if (!k.startsWith("__")) Object.defineProperty(out, k, { value: v![k], enumerable: true, writable: true, configurable: true });
    }
    return out;
}

function options(r: EngineResource): apb.AnalyzerResourceOptions {
    const o = new apb.AnalyzerResourceOptions();
    o.setProtect(r.protect ?? false);
    o.setIgnorechangesList(r.ignoreChanges ?? []);
    if (r.deleteBeforeReplace !== undefined) {
        o.setDeletebeforereplace(r.deleteBeforeReplace);
        o.setDeletebeforereplacedefined(true);
    }
    o.setAdditionalsecretoutputsList(r.additionalSecretOutputs ?? []);
    o.setAliasesList(r.aliases ?? []);
    if (r.customTimeouts) {
        const t = new apb.AnalyzerResourceOptions.CustomTimeouts();
        t.setCreate(r.customTimeouts.create ?? 0);
        t.setUpdate(r.customTimeouts.update ?? 0);
        t.setDelete(r.customTimeouts.delete ?? 0);
        o.setCustomtimeouts(t);
    }
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

/** An AnalyzeRequest as the engine sends it; Remediate takes the same message but keeps `__` keys. */
export function analyzeRequest(r: EngineResource, forRemediate = false): apb.AnalyzeRequest {
    const req = new apb.AnalyzeRequest();
    req.setType(r.type);
    req.setName(r.name);
    req.setUrn(r.urn);
    req.setProperties(struct(forRemediate ? r.inputs : skipInternal(r.inputs)));
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
        ar.setProperties(struct(skipInternal(r.outputs ?? r.inputs)));
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
    /** The RPCs made, in order (for the call-order specs). */
    readonly calls: string[] = [];
    /** The plugin version GetPluginInfo answered. */
    pluginVersion = "";

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

    private call<Req, Res>(method: string, req: Req): Promise<Res> {
        this.calls.push(method);
        return unary<Req, Res>(this.client, method, req);
    }

    /**
     * Launch the pack as the CLI does and connect: the Handshake (answered by the language
     * host's proxy in the real CLI; UNIMPLEMENTED is accepted), ConfigureStack unless
     * stackless, GetPluginInfo (an error is fatal), GetAnalyzerInfo.
     */
    static async launch(packDir: string, opts: LaunchOptions = {}): Promise<Engine> {
        const dir = path.resolve(packDir);
        const runner = resolveRunner(dir);
        const env: Record<string, string> = { ...(process.env as Record<string, string>) };
        for (const k of Object.keys(env)) if (/^PULUMI_(NODEJS_)?(ORGANIZATION|PROJECT|STACK|DRY_RUN|CONFIG)$/.test(k)) delete env[k];
        if (!opts.stackless) {
            // analyzer_plugin.go constructEnv: both the PULUMI_NODEJS_* and PULUMI_* forms.
            const vars = {
                ORGANIZATION: opts.organization ?? "organization",
                PROJECT: opts.project ?? "project",
                STACK: opts.stack ?? "dev",
                DRY_RUN: String(opts.dryRun ?? true),
            };
            for (const [k, v] of Object.entries(vars)) {
                env[`PULUMI_NODEJS_${k}`] = v;
                env[`PULUMI_${k}`] = v;
            }
            if (opts.stackConfig) env.PULUMI_CONFIG = JSON.stringify(opts.stackConfig);
        }
        Object.assign(env, opts.env ?? {});
        // The Node SDK never calls the engine address; any address in the right shape will do.
        const args = [runner, ...(opts.nodeArgs ?? []), "127.0.0.1:1", dir];
        const proc = spawn(process.execPath, args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
        const port = await new Promise<number>((resolve, reject) => {
            let err = "";
            proc.stderr!.on("data", (b: Buffer) => (err += b.toString()));
            const rl = readline.createInterface({ input: proc.stdout! });
            rl.once("line", line => {
                // The CLI reads the port with "%d\n": anything else first fails the start.
                const n = Number(line.trim());
                if (/^\d+$/.test(line.trim()) && n > 0) {
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
        try {
            await engine.handshake();
            if (!opts.stackless) {
                await engine.configureStack();
            }
            try {
                const res = await engine.call<Empty, { getVersion(): string }>("getPluginInfo", new Empty());
                engine.pluginVersion = res.getVersion();
            } catch (e) {
                throw new Error(`Analyzer[${path.basename(dir)}].GetPluginInfo() failed: ${(e as Error).message}`);
            }
            await engine.analyzerInfo();
        } catch (e) {
            await engine.close();
            throw e;
        }
        return engine;
    }

    private async handshake(): Promise<void> {
        const req = new apb.AnalyzerHandshakeRequest();
        req.setEngineAddress("127.0.0.1:1");
        req.setRootDirectory(this.packDir);
        req.setProgramDirectory(this.packDir);
        try {
            await this.call("handshake", req);
        } catch (e) {
            // "If the provider doesn't implement Handshake, that's fine" (analyzer_plugin.go).
            if ((e as grpc.ServiceError).code !== grpc.status.UNIMPLEMENTED) throw e;
        }
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
        await this.call("configureStack", req);
    }

    /** Ctrl-C: the CLI calls Cancel; a pack that does not implement it is fine (analyzer_plugin.go Cancel). */
    async cancel(): Promise<void> {
        try {
            await this.call("cancel", new Empty());
        } catch (e) {
            if ((e as grpc.ServiceError).code !== grpc.status.UNIMPLEMENTED) throw e;
        }
    }

    async analyzerInfo(): Promise<AnalyzerInfo> {
        if (this.info) {
            return this.info;
        }
        const ai = await this.call<Empty, apb.AnalyzerInfo>("getAnalyzerInfo", new Empty());
        const initialConfig: Record<string, PolicyConfigEntry> = {};
        ai.getInitialconfigMap().forEach((v, k) => {
            initialConfig[k] = { enforcementLevel: LEVEL_NAMES[v.getEnforcementlevel()] ?? "", properties: (v.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown> };
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
                    // The CLI validates against a schema only when the pack supports config (analyzer_plugin.go).
                    configSchema: ai.getSupportsconfig()
                        ? { properties: (schema?.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>, required: schema?.getRequiredList() ?? [] }
                        : undefined,
                };
            }),
        };
        return this.info;
    }

    /**
     * Configure the pack from `file` (a --policy-pack-config document) exactly as the CLI
     * does (engine/config.ts): throws ConfigError where the CLI aborts, else sends every
     * reconciled entry (`all` and unknown names included) and returns them.
     */
    async configure(file?: ConfigFile): Promise<Record<string, PolicyConfigEntry & { enforcementLevel: Level }>> {
        const info = await this.analyzerInfo();
        const entries = resolveConfig(info, file);
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
            pc.setEnforcementlevel(LEVEL_CODES[e.enforcementLevel as Level] ?? apb.EnforcementLevel.ADVISORY);
            pc.setProperties(Struct.fromJavaScript(e.properties as Record<string, never>));
            req.getPolicyconfigMap().set(name, pc);
        }
        await this.call("configure", req);
    }

    async analyze(r: EngineResource): Promise<AnalyzeResult> {
        return analyzeResult(await this.call<apb.AnalyzeRequest, apb.AnalyzeResponse>("analyze", analyzeRequest(r)));
    }

    async remediate(r: EngineResource): Promise<{ remediations: Remediation[]; notApplicable: NotApplicable[] }> {
        const res = await this.call<apb.AnalyzeRequest, apb.RemediateResponse>("remediate", analyzeRequest(r, true));
        return {
            remediations: res.getRemediationsList().map(x => ({
                policyName: x.getPolicyname(),
                policyPackName: x.getPolicypackname(),
                policyPackVersion: x.getPolicypackversion(),
                description: x.getDescription(),
                properties: x.getProperties() ? (decode(x.getProperties()!.toJavaScript()) as Record<string, unknown>) : undefined,
                diagnostic: x.getDiagnostic() || undefined,
            })),
            notApplicable: res.getNotApplicableList().map(n => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
        };
    }

    async analyzeStack(resources: EngineResource[]): Promise<AnalyzeResult> {
        return analyzeResult(await this.call<apb.AnalyzeStackRequest, apb.AnalyzeResponse>("analyzeStack", analyzeStackRequest(resources)));
    }

    /**
     * A whole run as the CLI makes it (pkg/resource/deploy/step_generator.go,
     * deployment_executor.go, analyze_snapshot.go):
     *
     * - per resource, in registration order: Remediate, then Analyze with the remediated
     *   inputs. A remediation's diagnostic becomes an advisory violation. A diagnostic at
     *   level `remediate` is reported as mandatory.
     * - `preview`: every resource is analyzed whatever it reports; AnalyzeStack runs at the
     *   end; any mandatory violation then fails the preview.
     * - `update`: the first resource with a mandatory violation stops the deployment there
     *   ("resource <urn> is invalid"); later resources are never analyzed and AnalyzeStack is
     *   skipped (it runs only when step generation raised no error).
     * - `analyze` (`pulumi policy analyze --file`): every resource, remediations reported but
     *   never applied, AnalyzeStack with the state's outputs; fails on any mandatory violation.
     *
     * AnalyzeStack sees every resource with its outputs; in preview and update those reflect
     * the remediated inputs (the provider creates the remediated resource).
     * Stack violations whose URN is not a resource of the stack are attributed to the root stack.
     */
    async run(resources: EngineResource[], mode: RunMode = (this.opts.dryRun ?? true) ? "preview" : "update"): Promise<RunResult> {
        const info = await this.analyzerInfo();
        const perResource: RunResult["resources"] = [];
        const violations: Violation[] = [];
        const remediated: RunResult["remediated"] = [];
        const analyzed: EngineResource[] = [];
        let error: string | undefined;
        const pack = { policyPackName: info.name, policyPackVersion: info.version };
        for (const r of resources) {
            const rem = await this.remediate(r);
            let inputs = r.inputs;
            for (const x of rem.remediations) {
                if (x.diagnostic) {
                    violations.push({
                        policyName: x.policyName, ...pack, description: x.description, message: x.diagnostic,
                        enforcementLevel: "advisory", severity: info.policies.find(p => p.name === x.policyName)?.severity ?? "", urn: r.urn, resource: r,
                    });
                } else if (x.properties) {
                    remediated.push({ urn: r.urn, policyName: x.policyName, resource: r });
                    if (mode !== "analyze") inputs = x.properties;
                }
            }
            const res = await this.analyze({ ...r, inputs });
            const diagnostics = res.diagnostics.map(d => (d.enforcementLevel === "remediate" ? { ...d, enforcementLevel: "mandatory" as Level } : d));
            perResource.push({ resource: r, remediations: rem.remediations, diagnostics, notApplicable: res.notApplicable });
            for (const d of diagnostics) violations.push({ ...d, urn: r.urn, resource: r });
            analyzed.push({ ...r, inputs, outputs: mode === "analyze" ? r.outputs ?? r.inputs : withRemediation(r, inputs) });
            if (mode === "update" && diagnostics.some(d => d.enforcementLevel === "mandatory")) {
                error = `resource ${r.urn} is invalid`;
                break;
            }
        }
        let stack: AnalyzeResult | undefined;
        if (!error) {
            stack = await this.analyzeStack(analyzed);
            stack = { ...stack, diagnostics: stack.diagnostics.map(d => (d.enforcementLevel === "remediate" ? { ...d, enforcementLevel: "mandatory" as Level } : d)) };
            const byUrn = new Map(resources.map(r => [r.urn, r]));
            const root = resources.find(r => r.type === "pulumi:pulumi:Stack" && !r.parent)?.urn ?? "";
            for (const d of stack.diagnostics) {
                const urn = byUrn.has(d.urn) ? d.urn : root;
                violations.push({ ...d, urn, resource: byUrn.get(urn) });
            }
        }
        const mandatory = violations.some(v => v.enforcementLevel === "mandatory");
        if (!error && mandatory) {
            error = mode === "analyze" ? "one or more mandatory policy violations were found" : "step generator errored";
        }
        return { mode, resources: perResource, stack, violations, remediated, failed: error !== undefined, error };
    }

    async close(): Promise<void> {
        this.client.close();
        if (this.proc.exitCode === null && this.proc.signalCode === null) {
            const exited = new Promise<void>(resolve => this.proc.once("exit", () => resolve()));
            this.proc.kill("SIGKILL");
            await exited;
        }
    }
}

/** Outputs after remediation: the recorded outputs with every input the remediation changed. */
function withRemediation(r: EngineResource, inputs: Record<string, unknown>): Record<string, unknown> {
    const outputs = { ...(r.outputs ?? r.inputs) };
    if (inputs !== r.inputs) {
        for (const [k, v] of Object.entries(inputs)) {
            if (JSON.stringify(encode(v)) !== JSON.stringify(encode(r.inputs[k]))) outputs[k] = v;
        }
    }
    return outputs;
}

export type RunMode = "preview" | "update" | "analyze";

/** A policy violation event as the CLI displays it (engine.PolicyViolationEventPayload). */
export interface Violation extends Diagnostic {
    /** The resource it is shown against (the root stack for stack violations about no resource). */
    resource?: EngineResource;
}

export interface RunResult {
    mode: RunMode;
    resources: (AnalyzeResult & { resource: EngineResource; remediations: Remediation[] })[];
    /** Undefined when AnalyzeStack was skipped (an update stopped at a mandatory violation). */
    stack?: AnalyzeResult;
    /** Every violation event, in the order the engine emitted them. */
    violations: Violation[];
    /** Remediations that changed a resource (applied in preview and update, only reported in analyze). */
    remediated: { urn: string; policyName: string; resource: EngineResource }[];
    /** The run fails: a mandatory violation (preview, analyze) or a stopped deployment (update). */
    failed: boolean;
    error?: string;
}
