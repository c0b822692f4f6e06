// One pass per resource: the pack's own Analyze, Remediate and AnalyzeStack handlers, giving
// exactly the answers of @pulumi/policy's (server.js, v1.21.0) with less work per call.
//
// The SDK, for every resource, runs its per-policy loop over all 85 policies: per policy an
// argument object, a config copy, a provider object, an `await`, and for a policy that does not
// apply to the type a thrown NotApplicableError turned into a not-applicable entry. Here:
//
// - the loop is the SDK's (same order, same levels, `disabled` skipped, `remediate` reported as
//   mandatory, the same diagnostics, advisory notes for unknowns, gRPC errors, not-applicable
//   entries), but a policy whose wiring declared what it answers for a type token alone
//   (lib/policy.ts `answerByType`: "not applicable, because ...") is answered without being
//   called; the answer is computed once per type token and the entry reused;
// - the arguments a policy that runs gets are built as the SDK builds them, through the same
//   (memoized, lib/serve/sdk.ts) deserializer and proxy;
// - AnalyzeStack builds the SDK's resource list once for all stack policies instead of once per
//   stack policy (each policy still gets its own array).
//
// Where the SDK's behaviour depends on something a skipped call would have done (building the
// arguments fails: no options, a malformed asset), the fast path builds them at the point the
// SDK first would, and fails with the same error for the same policy.
//
// Installed from lib/serve/sdk.ts when the pack loads; only for the @pulumi/policy version this was
// proven against (tests/differential), else the SDK's own path with one note on stderr. With it,
// once its self-check at start passes, the pack's codec (lib/serve/wire.ts, lib/serve/wire-info.ts).
// AKS_SECURITY_BASELINE_FAST_PATH=0 turns it off.

import * as path from "path";
import { answerByType } from "../policy";
import { collectGarbage } from "../core/gc";
import { agrees, Encoded, withCodec } from "./wire";
import { analyzerInfoBytes, InfoSdk } from "./wire-info";

/** Resources from which AnalyzeStack collects garbage between stack policies. */
const BIG_STACK = 25000;

/** The @pulumi/policy version whose server.js this file reproduces. */
export const PROVEN_SDK_VERSION = "1.21.0";
export const FAST_PATH_ENV = "AKS_SECURITY_BASELINE_FAST_PATH";

type Fn = (...a: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Callback = (err: unknown, res?: unknown) => void;

export interface Sdk {
    server: Record<string, Fn>;
    policy: { isResourcePolicy: Fn; isStackPolicy: Fn; getPulumiType: Fn };
    proxy: { unknownCheckingProxy: Fn; UnknownValueError: new (...a: Any[]) => Error };
    deserialize: { deserializeProperties: Fn; serializeProperties: Fn };
    protoutil: { asGrpcError: Fn; makeAnalyzeResponse: Fn; makeRemediateResponse: Fn; convertEnforcementLevel: Fn; makeAnalyzerInfo: Fn; mapEnforcementLevel: Fn; normalizeConfig: Fn };
    pb: Any;
    structPb: Any;
    rpc: Any;
    grpc: Any;
    version: string;
}

export function loadSdk(): Sdk {
    const serverPath = require.resolve("@pulumi/policy/server");
    const dir = path.dirname(serverPath);
    const from = { paths: [dir] };
    return {
        server: require(serverPath),
        policy: require(path.join(dir, "policy")),
        proxy: require(path.join(dir, "proxy")),
        deserialize: require(path.join(dir, "deserialize")),
        protoutil: require(path.join(dir, "protoutil")),
        pb: require(require.resolve("@pulumi/pulumi/proto/analyzer_pb", from)),
        structPb: require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [path.dirname(require.resolve("@pulumi/pulumi/proto/analyzer_pb", from))] })),
        rpc: require(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb", from)),
        grpc: require(require.resolve("@grpc/grpc-js", from)),
        version: String(require(path.join(dir, "version")).version ?? "").replace(/^v/, ""),
    };
}

/** Whether the fast path is switched on by the environment (default on). */
export function fastPathWanted(env: NodeJS.ProcessEnv = process.env): boolean {
    const v = (env[FAST_PATH_ENV] ?? "").trim().toLowerCase();
    return !["0", "false", "off", "no"].includes(v);
}

/** `AKS_SECURITY_BASELINE_FAST_PATH=verbose`: the fast path says on stderr that it serves (for the differential spec). */
function verbose(env: NodeJS.ProcessEnv = process.env): boolean {
    return (env[FAST_PATH_ENV] ?? "").trim().toLowerCase() === "verbose";
}

/** Write `line` on stderr once the server has printed its port (the first stdout line must be the port). */
function afterPort(server: Any, line: string): void {
    const bind = server.bindAsync;
    server.bindAsync = function (addr: string, creds: unknown, cb: (err: unknown, port: number) => void) {
        return bind.call(server, addr, creds, (err: unknown, port: number) => {
            cb(err, port);
            if (!err) process.stderr.write(`${line}\n`);
        });
    };
}

let installed = false;

/**
 * Serve the pack through the fast path. Must run before the PolicyPack is constructed. When the
 * installed SDK is not the proven version, the SDK's own path serves and one line on stderr says
 * so, after the port line.
 */
export function installFastPath(): void {
    if (installed || !fastPathWanted()) return;
    installed = true;
    let sdk: Sdk;
    try {
        sdk = loadSdk();
    } catch {
        return;
    }
    const original = sdk.server.serve;
    if (typeof original !== "function") return;
    sdk.server.serve = function (packName: string, packVersion: string, packLevel: string, packArgs: { policies?: unknown[] }, initialConfig: unknown) {
        const proto = sdk.grpc.Server.prototype;
        const addService = proto.addService;
        const proven = sdk.version === PROVEN_SDK_VERSION;
        proto.addService = function (this: Any, service: unknown, impl: Record<string, Fn>) {
            proto.addService = addService;
            if (service === sdk.rpc.AnalyzerService) {
                if (proven) {
                    const fast = new FastPath(sdk, packName, packVersion, packLevel, (packArgs?.policies ?? []) as Policy[]);
                    const info = infoSdk(sdk);
                    const codec = agrees(sdk.pb, sdk.structPb, info);
                    impl = fast.wrap(impl);
                    if (codec) {
                        service = withCodec(service as Record<string, Any>, sdk.pb);
                        impl = withInfoBytes(impl, info, [packName, packVersion, packLevel, packArgs, initialConfig]);
                    }
                    if (verbose()) afterPort(this, `${packName}: one pass per resource: ${fast.describe()}; ${codec ? "the pack's Analyze codec (lib/serve/wire.ts)" : "the generated codec"}`);
                } else {
                    afterPort(this, `${packName}: @pulumi/policy ${sdk.version} is installed; the one-pass Analyze was proven against ${PROVEN_SDK_VERSION}, so the SDK's own path serves this pack (answers unchanged, slower).`);
                }
            }
            return addService.call(this, service, impl);
        };
        try {
            return original.call(this, packName, packVersion, packLevel, packArgs, initialConfig);
        } finally {
            proto.addService = addService;
        }
    };
}

export function infoSdk(sdk: Sdk) {
    return {
        pb: sdk.pb,
        isResourcePolicy: sdk.policy.isResourcePolicy,
        isStackPolicy: sdk.policy.isStackPolicy,
        mapEnforcementLevel: sdk.protoutil.mapEnforcementLevel,
        normalizeConfig: sdk.protoutil.normalizeConfig,
        makeAnalyzerInfo: sdk.protoutil.makeAnalyzerInfo,
    };
}

/** GetAnalyzerInfo answered with lib/serve/wire-info.ts's bytes; the SDK's handler where that writer gives up. */
function withInfoBytes(impl: Record<string, Fn>, info: InfoSdk, args: [unknown, unknown, unknown, unknown, unknown]): Record<string, Fn> {
    const original = impl.getAnalyzerInfo;
    return {
        ...impl,
        getAnalyzerInfo: (call: Any, cb: Callback) => {
            let bytes: Buffer;
            try {
                bytes = analyzerInfoBytes(info, ...args);
            } catch {
                return original(call, cb);
            }
            cb(undefined, new Encoded(bytes));
        },
    };
}

interface Policy {
    name: string;
    description?: string;
    enforcementLevel?: string;
    severity?: string;
    validateResource?: Fn | Fn[];
    remediateResource?: Fn;
    validateStack?: Fn;
    [k: string]: unknown;
}

class NotApplicableError extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

/** server.js's notApplicable, without the stack trace nothing reads (the answer keeps the reason only). */
function throwNotApplicable(reason?: string): never {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const e = new NotApplicableError(reason);
    Error.stackTraceLimit = limit;
    throw e;
}

/** server.js freezeMap. */
function freezeMap(map: Map<string, string>) {
    return Object.freeze({
        entries: map.entries.bind(map),
        forEach: map.forEach.bind(map),
        get: map.get.bind(map),
        has: map.has.bind(map),
        keys: map.keys.bind(map),
        size: map.size,
        values: map.values.bind(map),
        [Symbol.iterator]: map[Symbol.iterator].bind(map),
    });
}

/** `__rest(o, keys)` as TypeScript compiles object rest. */
function rest(o: Record<string | symbol, unknown>, keys: string[]): Record<string | symbol, unknown> {
    const t: Record<string | symbol, unknown> = {};
    for (const p in o) if (Object.prototype.hasOwnProperty.call(o, p) && keys.indexOf(p) < 0) t[p] = o[p];
    for (const s of Object.getOwnPropertySymbols(o)) if (Object.prototype.propertyIsEnumerable.call(o, s)) t[s] = o[s];
    return t;
}

const isThenable = (x: unknown): x is PromiseLike<unknown> => x !== null && (typeof x === "object" || typeof x === "function") && typeof (x as { then?: unknown }).then === "function";

/** Per type token, per policy: the validation (or remediation) function seen and what it answers for the type. */
interface Slot { fn: unknown; reason: string | undefined; entry?: unknown }
const PLANS = 1024;

class FastPath {
    /** Mirrors of server.js's module state, kept in step by wrapping configure and configureStack. */
    private config: Record<string, Any> = {};
    private stackTags: unknown = freezeMap(new Map());
    /** When a mirror could not follow the SDK (it never happens with the proven version), the SDK serves. */
    private lost = false;
    private readonly analyzePlans = new Map<string, Slot[]>();
    private readonly remediatePlans = new Map<string, Slot[]>();
    private readonly from: string;

    constructor(
        private readonly sdk: Sdk,
        private readonly packName: string,
        private readonly packVersion: string,
        private readonly packLevel: string,
        private readonly policies: Policy[],
    ) {
        this.from = `'${packName}@v${packVersion}'`;
    }

    /** How many resource policies are answered by type token for the types they do not apply to. */
    describe(): string {
        const resource = this.policies.filter(p => this.sdk.policy.isResourcePolicy(p));
        const byType = resource.filter(p => !Array.isArray(p.validateResource) && answerByType(p.validateResource));
        return `${resource.length} resource policies, ${byType.length} of them answered by type token for the types they do not apply to`;
    }

    wrap(impl: Record<string, Fn>): Record<string, Fn> {
        const sdkAnalyze = impl.analyze;
        const sdkRemediate = impl.remediate;
        const sdkStack = impl.analyzeStack;
        const configure = impl.configure;
        const configureStack = impl.configureStack;
        return {
            ...impl,
            configure: (call: Any, cb: Callback) =>
                configure(call, (err: unknown, res?: unknown) => {
                    if (!err) {
                        try {
                            const config: Record<string, Any> = {};
                            for (const [k, v] of call.request.getPolicyconfigMap().entries()) {
                                const props = v.getProperties().toJavaScript();
                                props.enforcementLevel = this.sdk.protoutil.convertEnforcementLevel(v.getEnforcementlevel());
                                config[k] = props;
                            }
                            this.config = config;
                        } catch {
                            this.lost = true;
                        }
                    }
                    cb(err, res);
                }),
            configureStack: (call: Any, cb: Callback) =>
                configureStack(call, (err: unknown, res?: unknown) => {
                    if (!err) {
                        try {
                            const map = new Map<string, string>();
                            call.request.getTagsMap().forEach((v: string, k: string) => map.set(k, v));
                            this.stackTags = freezeMap(map);
                        } catch {
                            this.lost = true;
                        }
                    }
                    cb(err, res);
                }),
            analyze: (call: Any, cb: Callback) => (this.lost ? sdkAnalyze(call, cb) : this.analyze(call, cb)),
            remediate: (call: Any, cb: Callback) => (this.lost ? sdkRemediate(call, cb) : this.remediate(call, cb)),
            analyzeStack: (call: Any, cb: Callback) => (this.lost ? sdkStack(call, cb) : this.analyzeStack(call, cb)),
        };
    }

    private level(p: Policy): string {
        return this.config[p.name]?.enforcementLevel || p.enforcementLevel || this.packLevel;
    }

    /** server.js makeGetConfigFun. */
    private getConfig(name: string) {
        return () => {
            const c = this.config[name];
            if (!c) return {};
            return rest(c, ["enforcementLevel"]);
        };
    }

    /** server.js pushNotApplicable. */
    private notApplicableEntry(policyName: string, reason: string | undefined): unknown {
        const na = new this.sdk.pb.PolicyNotApplicable();
        na.setPolicyName(policyName);
        if (reason) na.setReason(reason);
        return na;
    }

    /** The answer by type token of `fn` (the policy at `i`), cached per type token. */
    private slot(plans: Map<string, Slot[]>, type: string, i: number, p: Policy, fn: unknown): Slot {
        let plan = plans.get(type);
        if (!plan) {
            plan = new Array(this.policies.length);
            if (plans.size < PLANS && typeof type === "string" && type.length <= 256) plans.set(type, plan);
        }
        let s = plan[i];
        if (!s || s.fn !== fn) {
            const answer = answerByType(fn);
            const reason = answer ? answer(type) : undefined;
            s = plan[i] = { fn, reason, entry: reason === undefined ? undefined : this.notApplicableEntry(p.name, reason) };
        }
        return s;
    }

    /** server.js makeReportViolationFun. */
    private reporter(policyName: string, description: string | undefined, enforcementLevel: string, ds: Any[], severity: string | undefined) {
        const { packName: policyPackName, packVersion: policyPackVersion } = this;
        return (message: Any, urn?: string) => {
            if (typeof message === "object") {
                const policyInfo = message;
                ds.push({
                    policyName: policyInfo.name || policyName,
                    policyPackName,
                    policyPackVersion,
                    message: policyInfo.message || policyInfo.description || description,
                    urn: policyInfo.urn,
                    description: policyInfo.description || description,
                    enforcementLevel: policyInfo.enforcementLevel || enforcementLevel,
                    severity: policyInfo.severity || severity,
                });
            } else {
                let violationMessage = description;
                if (message) violationMessage += `\n${message}`;
                ds.push({ policyName, policyPackName, policyPackVersion, message: violationMessage, urn, description, enforcementLevel, severity });
            }
        };
    }

    /** server.js isTypeOf. */
    private isTypeOf(type: string, resourceClass: Any): boolean {
        const pulumiType = this.sdk.policy.getPulumiType(resourceClass);
        if (pulumiType) return type === pulumiType;
        const isInstance = resourceClass.isInstance;
        return isInstance && typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
    }

    /** server.js getResourceOptions. */
    private options(r: Any) {
        const opts = r.getOptions();
        if (!opts) {
            throw new Error("A more recent version of the Pulumi CLI is required. " +
                "To upgrade, see https://www.pulumi.com/docs/get-started/install/");
        }
        const timeouts = opts.getCustomtimeouts();
        const result: Any = {
            protect: opts.getProtect(),
            ignoreChanges: opts.getIgnorechangesList(),
            aliases: opts.getAliasesList(),
            customTimeouts: {
                createSeconds: timeouts?.getCreate() ?? 0.0,
                updateSeconds: timeouts?.getUpdate() ?? 0.0,
                deleteSeconds: timeouts?.getDelete() ?? 0.0,
            },
            additionalSecretOutputs: opts.getAdditionalsecretoutputsList(),
        };
        if (opts.getDeletebeforereplacedefined()) result.deleteBeforeReplace = opts.getDeletebeforereplace();
        if (opts.getParent()) result.parent = opts.getParent();
        return result;
    }

    /** server.js getProviderResource. */
    private provider(r: Any) {
        const prov = r.getProvider();
        if (!prov) return undefined;
        const deserd = this.sdk.deserialize.deserializeProperties(prov.getProperties(), false);
        const props = this.sdk.proxy.unknownCheckingProxy(deserd);
        return { type: prov.getType(), props, urn: prov.getUrn(), name: prov.getName() };
    }

    /** The SDK's arguments of one resource policy's validation (server.js makeAnalyzeRpcFun). */
    private validationArgs(req: Any, type: string, name: string): Any {
        const deserd = this.sdk.deserialize.deserializeProperties(req.getProperties(), false);
        const props = this.sdk.proxy.unknownCheckingProxy(deserd);
        const args: Any = {
            type,
            props,
            urn: req.getUrn(),
            name: req.getName(),
            opts: this.options(req),
            stackTags: this.stackTags,
            isType: (resourceClass: Any) => this.isTypeOf(type, resourceClass),
            asType: (resourceClass: Any) => (this.isTypeOf(type, resourceClass) ? props : undefined),
            getConfig: this.getConfig(name),
            notApplicable: throwNotApplicable,
        };
        const provider = this.provider(req);
        if (provider) args.provider = provider;
        return args;
    }

    private analyze(call: Any, callback: Callback): Promise<void> {
        return this.analyzeAsync(call, callback);
    }

    private async analyzeAsync(call: Any, callback: Callback): Promise<void> {
        const { sdk, policies } = this;
        const req = call.request;
        const type = req.getType();
        const ds: Any[] = [];
        let notApplicable: unknown[] | undefined;
        // Whether the SDK's arguments were built once: a policy answered by type token alone is
        // skipped only after that (building them is what would fail first in the SDK).
        let built = false;
        try {
            for (let i = 0; i < policies.length; i++) {
                const p = policies[i];
                let enforcementLevel = this.level(p);
                if (enforcementLevel === "disabled" || !sdk.policy.isResourcePolicy(p)) continue;
                const v = p.validateResource;
                if (!v) {
                    (notApplicable ??= []).push(this.notApplicableEntry(p.name, "Policy does not implement validateResource"));
                    continue;
                }
                if (enforcementLevel === "remediate") enforcementLevel = "mandatory";
                if (!Array.isArray(v)) {
                    const pulumiType = sdk.policy.getPulumiType(v);
                    if (pulumiType && type !== pulumiType) {
                        (notApplicable ??= []).push(this.notApplicableEntry(p.name, `Policy only applies to resources of type '${pulumiType}'`));
                        continue;
                    }
                    const s = this.slot(this.analyzePlans, type, i, p, v);
                    if (s.reason !== undefined && built) {
                        (notApplicable ??= []).push(s.entry);
                        continue;
                    }
                }
                const reportViolation = this.reporter(p.name, p.description, enforcementLevel, ds, p.severity);
                const validations = Array.isArray(v) ? v : [v];
                for (const validation of validations) {
                    try {
                        const args = this.validationArgs(req, type, p.name);
                        built = true;
                        const r = validation(args, reportViolation);
                        if (isThenable(r)) await r;
                    } catch (e) {
                        const policyFrom = `policy '${p.name}' from policy pack ${this.from}`;
                        if (e instanceof sdk.proxy.UnknownValueError) {
                            const diag = rest(p as Any, ["validateResource", "name"]);
                            ds.push(Object.assign(Object.assign({ policyName: p.name, policyPackName: this.packName, policyPackVersion: this.packVersion, message: `can't run ${policyFrom} during preview: ${e.message}` }, diag), { enforcementLevel: "advisory" }));
                        } else if (e instanceof NotApplicableError) {
                            (notApplicable ??= []).push(this.notApplicableEntry(p.name, e.reason));
                        } else {
                            throw sdk.protoutil.asGrpcError(e, `Error validating resource with ${policyFrom}`);
                        }
                    }
                }
            }
        } catch (err) {
            callback(err, undefined);
            return;
        }
        callback(undefined, sdk.protoutil.makeAnalyzeResponse(ds, notApplicable));
    }

    private remediate(call: Any, callback: Callback): Promise<void> {
        return this.remediateAsync(call, callback);
    }

    private async remediateAsync(call: Any, callback: Callback): Promise<void> {
        const { sdk, policies } = this;
        const req = call.request;
        const urn = req.getUrn();
        const name = req.getName();
        const type = req.getType();
        const opts = this.options(req);
        let props = sdk.proxy.unknownCheckingProxy(sdk.deserialize.deserializeProperties(req.getProperties(), true));
        const rs: Any[] = [];
        let notApplicable: unknown[] | undefined;
        let built = false;
        try {
            for (let i = 0; i < policies.length; i++) {
                const p = policies[i];
                const enforcementLevel = this.level(p);
                if (enforcementLevel !== "remediate" || !sdk.policy.isResourcePolicy(p)) continue;
                const fn = p.remediateResource;
                if (!fn) {
                    (notApplicable ??= []).push(this.notApplicableEntry(p.name, "Policy does not implement remediateResource"));
                    continue;
                }
                const pulumiType = sdk.policy.getPulumiType(fn);
                if (pulumiType && type !== pulumiType) {
                    (notApplicable ??= []).push(this.notApplicableEntry(p.name, `Policy only applies to resources of type '${pulumiType}'`));
                    continue;
                }
                const s = this.slot(this.remediatePlans, type, i, p, fn);
                if (s.reason !== undefined && built) {
                    (notApplicable ??= []).push(s.entry);
                    continue;
                }
                const args: Any = {
                    urn, name, type, opts, props, stackTags: this.stackTags,
                    getConfig: this.getConfig(p.name),
                    isType: (resourceClass: Any) => this.isTypeOf(type, resourceClass),
                    asType: (resourceClass: Any) => (this.isTypeOf(type, resourceClass) ? props : undefined),
                    notApplicable: throwNotApplicable,
                };
                const provider = this.provider(req);
                if (provider) args.provider = provider;
                built = true;
                let result: Any = undefined;
                let diagnostic: string | undefined = undefined;
                try {
                    result = fn(args);
                    if (isThenable(result)) result = await result;
                    if (result) props = result;
                } catch (e) {
                    const policyFrom = `remediation '${p.name}' from policy pack ${this.from}`;
                    if (e instanceof sdk.proxy.UnknownValueError) {
                        diagnostic = `can't run ${policyFrom} during preview: ${e.message}`;
                    } else if (e instanceof NotApplicableError) {
                        (notApplicable ??= []).push(this.notApplicableEntry(p.name, e.reason));
                    } else {
                        throw sdk.protoutil.asGrpcError(e, `Error remediating resource with ${policyFrom}`);
                    }
                }
                if (result || diagnostic) {
                    if (result) result = await sdk.deserialize.serializeProperties(result);
                    rs.push({ policyName: p.name, policyPackName: this.packName, policyPackVersion: this.packVersion, description: p.description, properties: result, diagnostic });
                }
            }
        } catch (err) {
            callback(err, undefined);
            return;
        }
        callback(undefined, sdk.protoutil.makeRemediateResponse(rs, notApplicable));
    }

    /** The SDK's resource list of a stack (server.js makeAnalyzeStackRpcFun), built once for all stack policies. */
    private stackResources(resources: Any[]): Any[] {
        const { sdk } = this;
        const intermediates: { resource: Any; parent: string; dependencies: string[]; propertyDependencies: Record<string, string[]> }[] = [];
        for (const r of resources) {
            const type = r.getType();
            const deserd = sdk.deserialize.deserializeProperties(r.getProperties(), false);
            const props = sdk.proxy.unknownCheckingProxy(deserd);
            const resource: Any = {
                type,
                props,
                urn: r.getUrn(),
                name: r.getName(),
                opts: this.options(r),
                dependencies: [],
                propertyDependencies: {},
                isType: (resourceClass: Any) => this.isTypeOf(type, resourceClass),
                asType: (resourceClass: Any) => (this.isTypeOf(type, resourceClass) ? props : undefined),
            };
            const provider = this.provider(r);
            if (provider) resource.provider = provider;
            const propertyDependencies: Record<string, string[]> = {};
            const map = r.getPropertydependenciesMap();
            if (map) {
                for (const [k, v] of map.entries()) propertyDependencies[k] = v.getUrnsList();
            }
            intermediates.push({ resource, parent: r.getParent(), dependencies: r.getDependenciesList(), propertyDependencies });
        }
        const urnsToResources = new Map<string, Any>();
        for (const i of intermediates) urnsToResources.set(i.resource.urn, i.resource);
        for (const i of intermediates) {
            if (i.parent) {
                const parent = urnsToResources.get(i.parent);
                if (parent) i.resource.parent = parent;
            }
            i.resource.dependencies = i.dependencies.map(d => urnsToResources.get(d)).filter(d => d);
            for (const k of Object.keys(i.propertyDependencies)) {
                i.resource.propertyDependencies[k] = i.propertyDependencies[k].map(d => urnsToResources.get(d)).filter(d => d);
            }
        }
        return intermediates.map(i => i.resource);
    }

    private analyzeStack(call: Any, callback: Callback): Promise<void> {
        return this.analyzeStackAsync(call, callback);
    }

    private async analyzeStackAsync(call: Any, callback: Callback): Promise<void> {
        const { sdk, policies } = this;
        const req = call.request;
        let resources = req.getResourcesList();
        const ds: Any[] = [];
        let notApplicable: unknown[] | undefined;
        let list: Any[] | undefined;
        try {
            for (const p of policies) {
                let enforcementLevel = this.level(p);
                if (enforcementLevel === "disabled" || !sdk.policy.isStackPolicy(p)) continue;
                if (enforcementLevel === "remediate") enforcementLevel = "mandatory";
                const pulumiType = sdk.policy.getPulumiType(p.validateStack);
                if (pulumiType) {
                    if (!resources.some((r: Any) => r.getType() === pulumiType)) {
                        (notApplicable ??= []).push(this.notApplicableEntry(p.name, `Policy only applies to resources of type '${pulumiType}'`));
                        continue;
                    }
                }
                const reportViolation = this.reporter(p.name, p.description, enforcementLevel, ds, p.severity);
                try {
                    if (list === undefined) {
                        list = this.stackResources(resources);
                        // The decoded request's own garbage goes before the first policy runs.
                        if (list.length >= BIG_STACK) collectGarbage();
                    }
                    const args = {
                        resources: list.slice(),
                        getConfig: this.getConfig(p.name),
                        stackTags: this.stackTags,
                        notApplicable: throwNotApplicable,
                    };
                    const r = p.validateStack!(args, reportViolation);
                    if (isThenable(r)) await r;
                    // What one stack policy built is garbage once it answered; on a big stack,
                    // collect it before the next one builds its own (peak memory, not speed).
                    if (list.length >= BIG_STACK) collectGarbage();
                } catch (e) {
                    const policyFrom = `policy '${p.name}' from policy pack ${this.from}`;
                    if (e instanceof sdk.proxy.UnknownValueError) {
                        const diag = rest(p as Any, ["validateStack", "name"]);
                        ds.push(Object.assign(Object.assign({ policyName: p.name, policyPackName: this.packName, policyPackVersion: this.packVersion, message: `can't run ${policyFrom} during preview: ${e.message}` }, diag), { enforcementLevel: "advisory" }));
                    } else if (e instanceof NotApplicableError) {
                        (notApplicable ??= []).push(this.notApplicableEntry(p.name, e.reason));
                    } else {
                        throw sdk.protoutil.asGrpcError(e, `Error validating resource with ${policyFrom}`);
                    }
                }
            }
        } catch (err) {
            callback(err, undefined);
            return;
        } finally {
            list = undefined;
            resources = undefined;
        }
        callback(undefined, sdk.protoutil.makeAnalyzeResponse(ds, notApplicable));
    }
}
