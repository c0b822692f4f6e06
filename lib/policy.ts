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
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { ControlId, control, FRAMEWORK_NAME, FRAMEWORK_VERSION } from "../policies/controls";
import { Kind } from "./kinds";

/** A JSON-schema fragment for one config property; `default` is required so docs can state it. */
export interface ConfigProperty {
    type: "string" | "number" | "integer" | "boolean" | "array" | "object";
    description: string;
    default: unknown;
    items?: Record<string, unknown>;
    enum?: unknown[];
    [k: string]: unknown;
}

export interface PolicyMeta {
    /** Stable kebab-case name: a config key in users' files. Never renamed after release. */
    name: string;
    displayName: string;
    /** What the policy requires, one sentence. The SDK prints it above every violation. */
    description: string;
    /** Baseline controls enforced; the first is the primary one (framework.reference). */
    controls: [ControlId, ...ControlId[]];
    /** Check ids of CONTROLS.md section 4 (AKS-08, K8S-B03, ...). */
    checks: string[];
    severity: Severity;
    enforcementLevel: Extract<EnforcementLevel, "advisory" | "mandatory">;
    /** How to fix it, for azure-native and classic azure (Markdown). */
    remediationSteps: string;
    url: string;
    /** CIS AKS Benchmark 1.8 recommendation numbers. */
    cis?: string[];
    /** Microsoft cloud security benchmark control ids. */
    mcsb?: string[];
    /** Extra tags, e.g. `pss-baseline`. */
    tags?: string[];
    config?: Record<string, ConfigProperty>;
}

export type PackPolicy = (ResourceValidationPolicy | StackValidationPolicy) & { meta: PolicyMeta };

function sdkMetadata(meta: PolicyMeta) {
    const primary = control(meta.controls[0]);
    const tags = [
        ...meta.controls.map(c => `baseline:${c}`),
        ...meta.checks.map(c => `check:${c}`),
        ...(meta.cis ?? []).map(c => `cis-aks:${c}`),
        ...(meta.mcsb ?? []).map(c => `mcsb:${c}`),
        ...(meta.tags ?? []),
    ];
    let configSchema: PolicyConfigSchema | undefined;
    if (meta.config) {
        configSchema = { properties: meta.config as PolicyConfigSchema["properties"] };
    }
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

/** Schema defaults overlaid with what the engine configured (older engines send nothing). */
export function configOf<C>(meta: PolicyMeta, configured: Record<string, unknown> | undefined): C {
    const out: Record<string, unknown> = {};
    for (const [k, p] of Object.entries(meta.config ?? {})) {
        out[k] = p.default;
    }
    for (const [k, v] of Object.entries(configured ?? {})) {
        if (v !== undefined) {
            out[k] = v;
        }
    }
    return out as C;
}

/** What a check sees besides its view. */
export interface CheckContext<C> {
    config: C;
    type: string;
    name: string;
    urn: string;
}

/**
 * A resource policy over the resources of `kind`. `read` builds the neutral view (or
 * returns undefined when the resource is not of interest); `check` returns one message per
 * offending element.
 */
export function resourcePolicy<V, C = Record<string, never>>(
    meta: PolicyMeta,
    kind: Kind,
    read: (type: string, props: Record<string, unknown>) => Iterable<V>,
    check: (view: V, ctx: CheckContext<C>) => Iterable<string>,
): PackPolicy {
    const notFor = `applies to ${kind.label} resources only`;
    const policy: ResourceValidationPolicy & { meta: PolicyMeta } = {
        ...sdkMetadata(meta),
        meta,
        validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
            if (!kind.matches(args.type)) {
                args.notApplicable(notFor);
                return;
            }
            const ctx: CheckContext<C> = {
                config: configOf<C>(meta, args.getConfig<Record<string, unknown>>()),
                type: args.type,
                name: args.name,
                urn: args.urn,
            };
            for (const view of read(args.type, args.props)) {
                for (const message of check(view, ctx)) {
                    report(message);
                }
            }
        },
    };
    return policy;
}

export interface StackCheckContext<C> {
    config: C;
    resources: StackValidationArgs["resources"];
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
            const ctx: StackCheckContext<C> = {
                config: configOf<C>(meta, args.getConfig<Record<string, unknown>>()),
                resources: args.resources,
            };
            for (const v of check(ctx)) {
                report(v.message, v.urn);
            }
        },
    };
    return policy;
}
