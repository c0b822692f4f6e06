// Define a policy once: metadata + a small pure check. This module turns that into the
// @pulumi/policy object the pack serves, with the SDK's own metadata fields (severity,
// framework, tags, remediationSteps, url) filled from the same definition that the docs
// and the catalogue tests read.

import type {
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { control, FRAMEWORK_NAME, FRAMEWORK_VERSION } from "../baseline/controls";
import type { Kind } from "./core/kinds";
import type { Reader } from "./readers";
import type { ConfigProperty, PolicyMeta } from "./core/meta";
import { decide, ExemptionDecision, SHARED_CONFIG } from "./config/exemptions";
import { expiryNotice, NOTICE_CONFIG } from "./config/exemption-notice";
import { capOf, FINDINGS_CONFIG, FindingCap } from "./config/findings";
import { levelFromStackTags, STACK_TAG_CONFIG } from "./config/profiles";
import { checkSettings, CheckedSettings } from "./config/settings";
import { StackIndex } from "./stack";

export type { ConfigProperty, PolicyMeta } from "./core/meta";

/** `reader`: what a resource policy reads, its kind included (the config checker and the catalogue tests use it; the SDK ignores it). */
export type PackPolicy = (ResourceValidationPolicy | StackValidationPolicy) & { meta: PolicyMeta; reader?: Reader<unknown> };

function sdkMetadata(meta: PolicyMeta) {
    const primary = control(meta.controls[0]);
    const tags = [
        ...meta.controls.map(c => `baseline:${c}`),
        ...meta.checks.map(c => `check:${c}`),
        ...(meta.cis ?? []).map(c => `cis-aks:${c}`),
        ...(meta.mcsb ?? []).map(c => `mcsb:${c}`),
        ...(meta.tags ?? []),
    ];
    const configSchema: PolicyConfigSchema = {
        properties: schemaOf(meta) as PolicyConfigSchema["properties"],
    };
    return {
        name: meta.name,
        displayName: meta.displayName,
        description: meta.description,
        enforcementLevel: meta.enforcementLevel,
        severity: meta.severity,
        framework: {
            name: FRAMEWORK_NAME,
            version: FRAMEWORK_VERSION,
            reference: primary.id,
            specification: primary.title,
        },
        tags,
        remediationSteps: meta.remediationSteps,
        url: meta.url,
        configSchema,
    };
}

/** The settings every policy takes, whatever its own (lib/config/exemptions.ts, lib/config/profiles.ts, lib/config/exemption-notice.ts, lib/config/findings.ts). */
export const EVERY_POLICY_CONFIG: Record<string, ConfigProperty> = { ...SHARED_CONFIG, ...STACK_TAG_CONFIG, ...NOTICE_CONFIG, ...FINDINGS_CONFIG };

/** A policy's whole config schema: its own settings, then the shared ones. */
export function schemaOf(meta: PolicyMeta): Record<string, ConfigProperty> {
    return { ...(meta.config ?? {}), ...EVERY_POLICY_CONFIG };
}

/**
 * The last configuration checked per policy. The SDK hands out a fresh shallow copy of the
 * configured properties on every call, holding the same values until the next Configure, so
 * a configuration is the same one when its keys and values are identical (`Object.is`, so NaN too).
 */
const checked = new Map<string, { entries: [string, unknown][]; result: CheckedSettings; reported: boolean }>();

function settingsOf(meta: PolicyMeta, configured: Record<string, unknown> | undefined) {
    const entries = Object.entries(configured ?? {});
    const last = checked.get(meta.name);
    if (last && last.entries.length === entries.length && last.entries.every(([k, v], i) => entries[i][0] === k && Object.is(entries[i][1], v))) {
        return last;
    }
    const next = { entries, result: checkSettings(schemaOf(meta), configured), reported: false };
    checked.set(meta.name, next);
    return next;
}

/**
 * Schema defaults overlaid with what the engine configured (older engines send nothing); a
 * configured value that does not fit its schema is replaced by its default (lib/config/settings.ts).
 */
export function configOf<C>(meta: PolicyMeta, configured: Record<string, unknown> | undefined): C & SharedConfig {
    return settingsOf(meta, configured).result.config as C & SharedConfig;
}

/**
 * The finding about an unusable configuration, the first time it is asked for this
 * configuration (then undefined): one finding per policy and configuration, not one per resource.
 */
export function configFinding(meta: PolicyMeta, configured: Record<string, unknown> | undefined, once = true): string | undefined {
    const s = settingsOf(meta, configured);
    if (!s.result.finding || (once && s.reported)) return undefined;
    s.reported = true;
    return s.result.finding;
}

/**
 * Report the finding about an unusable configuration, once per configuration, for a resource of
 * the policy's kind: from the policy's own wiring, and from wrappers that skip a resource before
 * it (excluded namespaces), so the finding does not wait for a resource the policy checks.
 */
export function reportConfiguration(meta: PolicyMeta, args: ResourceValidationArgs, report: ReportViolation): void {
    const configured = args.getConfig<Record<string, unknown>>();
    const bad = configFinding(meta, configured);
    if (bad) {
        reporter(meta, report, levelFromStackTags(meta, configOf(meta, configured), args.stackTags), undefined)(bad);
    }
}

/** The configuration every policy takes (lib/config/exemptions.ts, lib/config/profiles.ts). */
export interface SharedConfig {
    exemptions: unknown;
    allowInCodeExemptions: unknown;
    stackTagProfiles: unknown;
    exemptionNoticeDays: unknown;
    maxFindingsPerResource: unknown;
}

type Report = ReportViolation & ((v: { message: string; urn?: string; enforcementLevel?: EnforcementLevel }) => void);

/**
 * Report through the SDK. When stack tags select a level, report with that level (the SDK's
 * object form; the description is prefixed as the SDK's string form does).
 */
function reporter(meta: PolicyMeta, report: ReportViolation, level: EnforcementLevel | undefined, note: string | undefined) {
    return (message: string, urn?: string) => {
        const text = note ? `${message} ${note}` : message;
        if (level === undefined) {
            report(text, urn);
        } else if (level !== "disabled") {
            (report as Report)({ message: `${meta.description}\n${text}`, urn, enforcementLevel: level === "remediate" ? "mandatory" : level });
        }
    };
}

/** An advisory violation whatever the policy's level (the SDK's object form; the description leads, as in the string form). */
function advise(meta: PolicyMeta, report: ReportViolation, message: string, urn?: string): void {
    (report as Report)({ message: `${meta.description}\n${message}`, urn, enforcementLevel: "advisory" });
}

/**
 * `args.notApplicable(reason)` without the cost of a stack trace: the SDK throws an Error for
 * each call, and most policies answer "not applicable" for most resources.
 */
export function notApplicable(args: { notApplicable(reason?: string): never }, reason: string): never {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return args.notApplicable(reason);
    } finally {
        Error.stackTraceLimit = limit;
    }
}

/**
 * What a validation or remediation function answers from the type token alone: the reason it
 * reports "not applicable" with, when for that type it does nothing else (no report, no read of
 * the resource, no config); undefined when it must run. The one-pass Analyze (lib/serve/fast-path.ts)
 * answers such policies without calling them. Functions never declared always run.
 */
export type AnswerByType = (type: string) => string | undefined;

const answers = new WeakMap<object, AnswerByType>();

/** Declare what `fn` answers by type token alone (see AnswerByType); returns `fn`. */
export function declareAnswerByType<F>(fn: F, answer: AnswerByType): F {
    if (typeof fn === "function") answers.set(fn, answer);
    return fn;
}

/** What `fn` was declared to answer by type token alone, if it was. */
export function answerByType(fn: unknown): AnswerByType | undefined {
    return typeof fn === "function" ? answers.get(fn) : undefined;
}

const viewMemo = new WeakMap<object, Map<unknown, { type: string; views: unknown[] }>>();

/**
 * `read(type, props)`, once per resource for all validations that read it with the same reader
 * (30 workload policies read one pod spec): the views are lazy and remember what they read, so
 * what one check read through the SDK's proxy the next finds read. Only readers that return an
 * array are shared (a generator's later views may stop on an unknown after earlier ones were
 * checked), and only in validation: a remediation edits props in place.
 */
function sharedViews<V>(read: (type: string, props: Record<string, unknown>) => Iterable<V>, type: string, props: Record<string, unknown>): Iterable<V> {
    if (typeof props !== "object" || props === null) return read(type, props);
    let byReader = viewMemo.get(props);
    const hit = byReader?.get(read);
    if (hit && hit.type === type) return hit.views as V[];
    const views = read(type, props);
    if (Array.isArray(views)) {
        if (!byReader) viewMemo.set(props, (byReader = new Map()));
        byReader.set(read, { type, views });
    }
    return views;
}

/** What a check sees besides its view. */
export interface CheckContext<C> {
    config: C & SharedConfig;
    type: string;
    name: string;
    urn: string;
}

/**
 * A resource policy over what `reader` reads (lib/readers.ts): the reader's kind, its views,
 * the resources it leaves alone; `check` returns one message per offending element of a view.
 */
export function resourcePolicy<V, C = Record<string, never>>(
    meta: PolicyMeta,
    reader: Reader<V>,
    check: (view: V, ctx: CheckContext<C>) => Iterable<string>,
    options: PolicyOptions<C> = {},
): PackPolicy {
    const { kind, read, skip } = reader;
    const { remediate, otherwise } = options;
    const notFor = `applies to ${kind.label} resources only`;
    // What the policy answers by type token alone: `otherwise`'s reason, or `notFor` outside its kind.
    const byType: AnswerByType = type => (otherwise?.kind.matches(type) ? otherwise.reason : kind.matches(type) ? undefined : notFor);
    /**
     * The shared first steps of validation and remediation: answer "not applicable" (which
     * throws through the SDK) for other types and for exempted resources; else the check context.
     */
    const applicable = (args: ResourceValidationArgs, report?: ReportViolation): { ctx: CheckContext<C>; ex: ExemptionDecision; level: EnforcementLevel | undefined; notice?: string } => {
        const other = byType(args.type);
        if (other !== undefined) {
            notApplicable(args, other);
        }
        const configured = args.getConfig<Record<string, unknown>>();
        const ctx: CheckContext<C> = {
            config: configOf<C>(meta, configured),
            type: args.type,
            name: args.name,
            urn: args.urn,
        };
        const level = levelFromStackTags(meta, ctx.config, args.stackTags);
        // An unusable configuration is reported on the first resource of the policy's kind,
        // exempted or not (a dropped exemption is exactly what the user needs to hear about).
        if (report) {
            reportConfiguration(meta, args, report);
        }
        const skipped = skip?.(args.props, ctx.config, report !== undefined);
        if (skipped !== undefined) {
            notApplicable(args, skipped);
        }
        const ex = decide(meta.name, ctx.config, { name: args.name, urn: args.urn, type: args.type, props: args.props, shared: report !== undefined });
        if (ex.exempt) {
            // Near its expiry an exemption shows as one advisory finding (validation only).
            const notice = report ? expiryNotice(ex.exemption, ctx.config.exemptionNoticeDays) : undefined;
            if (!notice) notApplicable(args, ex.exempt);
            return { ctx, ex, level, notice };
        }
        return { ctx, ex, level };
    };
    const policy: ResourceValidationPolicy & { meta: PolicyMeta; reader: Reader<unknown> } = {
        ...sdkMetadata(meta),
        meta,
        reader,
        validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
            const { ctx, ex, level, notice } = applicable(args, report);
            if (notice) {
                advise(meta, report, notice);
                return;
            }
            const say = reporter(meta, report, level, ex.note);
            const cap = new FindingCap(capOf(ctx.config.maxFindingsPerResource));
            try {
                for (const view of sharedViews(read, args.type, args.props)) {
                    for (const message of check(view, ctx)) {
                        if (cap.admit(message)) say(message);
                    }
                }
            } finally {
                // Also when the SDK's proxy stops the check on a value unknown during preview.
                const more = cap.summary();
                if (more) say(more);
            }
        },
    };
    // For other types both answer only "not applicable" (applicable(), first step).
    declareAnswerByType(policy.validateResource, byType);
    if (remediate) {
        policy.remediateResource = (args: ResourceValidationArgs) => {
            const { ctx } = applicable(args);
            // Mutate in place: the SDK's proxy keeps secret values secret on write.
            return remediate(args.props, ctx) ? args.props : undefined;
        };
        declareAnswerByType(policy.remediateResource, byType);
    }
    return policy;
}

/** How a resource policy is wired besides its reader and check. */
export interface PolicyOptions<C> {
    /** The fix for the `remediate` level. */
    remediate?: Remediate<C>;
    /** Types outside the kind answered with this reason instead of "applies to ... only" (a provider the policy cannot check). */
    otherwise?: { kind: Kind; reason: string };
}

/**
 * A fix for the `remediate` level: mutate `props` in place (never replace it with a copy,
 * which would drop secrets) and return whether anything changed. Reading an unknown value
 * throws the SDK's error, so an unknown is never overwritten.
 */
export type Remediate<C> = (props: Record<string, unknown>, ctx: CheckContext<C>) => boolean;

export interface StackCheckContext<C> {
    config: C & SharedConfig;
    resources: StackValidationArgs["resources"];
    /** The resources indexed once by type token and URN (lib/stack/index.ts). */
    stack: StackIndex;
}

/** A stack policy: `check` returns messages, each with the URN of the resource it is about. */
export function stackPolicy<C = Record<string, never>>(
    meta: PolicyMeta,
    check: (ctx: StackCheckContext<C>) => Iterable<{ urn: string; message: string }>,
): PackPolicy {
    const policy: StackValidationPolicy & { meta: PolicyMeta } = {
        ...sdkMetadata(meta),
        meta,
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
            const configured = args.getConfig<Record<string, unknown>>();
            const ctx: StackCheckContext<C> = {
                config: configOf<C>(meta, configured),
                resources: args.resources,
                stack: new StackIndex(args.resources),
            };
            const level = levelFromStackTags(meta, ctx.config, args.stackTags);
            // AnalyzeStack comes once per run: the finding about the configuration comes with it each time.
            const bad = configFinding(meta, configured, false);
            if (bad) {
                reporter(meta, report, level, undefined)(bad);
            }
            const exempted: string[] = [];
            const max = capOf(ctx.config.maxFindingsPerResource);
            const caps = new Map<string, { cap: FindingCap; note?: string }>();
            let reported = bad ? 1 : 0;
            try {
                for (const v of check(ctx)) {
                    const r = v.urn ? ctx.stack.get(v.urn) : undefined;
                    const ex = r ? decide(meta.name, ctx.config, { name: r.name, urn: r.urn, type: r.type, props: r.props }) : {};
                    if (ex.exempt) {
                        const notice = expiryNotice(ex.exemption, ctx.config.exemptionNoticeDays);
                        if (notice) {
                            advise(meta, report, notice, v.urn);
                            reported++;
                        } else {
                            exempted.push(`${r!.name}: ${ex.exempt}`);
                        }
                        continue;
                    }
                    const key = v.urn ?? "";
                    let c = caps.get(key);
                    if (!c) caps.set(key, (c = { cap: new FindingCap(max), note: ex.note }));
                    if (c.cap.admit(v.message)) reporter(meta, report, level, ex.note)(v.message, v.urn);
                    reported++;
                }
            } finally {
                for (const [urn, c] of caps) {
                    const more = c.cap.summary();
                    if (more) reporter(meta, report, level, c.note)(more, urn || undefined);
                }
            }
            // A stack policy can say "not applicable" only as a whole: do so when exemptions silenced everything.
            if (reported === 0 && exempted.length > 0) {
                notApplicable(args, exempted.join("; "));
            }
        },
    };
    return policy;
}
