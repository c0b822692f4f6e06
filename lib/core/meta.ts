// A policy's metadata, as types only: what a policy file declares (lib/policy.ts turns it into
// the SDK's policy object). Below the wiring and the shared settings, so that both can name it.

import type { EnforcementLevel, Severity } from "@pulumi/policy";
import type { ControlId } from "../../baseline/controls";

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
    /** The level in the `strict` profile (default mandatory; optional hygiene stays advisory). */
    strictLevel?: Extract<EnforcementLevel, "advisory" | "mandatory">;
    /** What `remediate` level fixes, when the policy can remediate (shown in the docs). */
    remediates?: string;
}

