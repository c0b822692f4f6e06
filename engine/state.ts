// Existing state as `pulumi policy analyze --file <stack export>` reads it
// (pkg/cmd/pulumi/policy/policy_analyze.go, pkg/resource/deploy/analyze_snapshot.go): a
// `pulumi stack export` document (apitype.UntypedDeployment, version 3: resources with urn,
// custom, id, type, inputs, outputs, parent, dependencies, propertyDependencies, provider
// `<provider urn>::<provider id>`, protect, ignoreChanges, aliases, ...; see
// sdk/go/common/apitype/core.go ResourceV3).
//
// - Resources marked `delete` are skipped.
// - Secrets: `{"4dabf...": "1b47...", "plaintext": "<json>"}` (an export made with
//   --show-secrets) is the secret value; `"ciphertext"` cannot be decrypted offline, so it
//   becomes the STRING "[secret]", whatever its original type (BlindingProvider,
//   pkg/backend/secrets/providers.go), still marked secret.
// - Resource references are flattened to the referenced ID (the URN for a component).
// - Each resource's provider (from the snapshot's provider resources) goes with it.

import { secret, SIG_KEY, SECRET_SIG } from "./wire";
import type { EngineResource } from "./engine";

const REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

export interface StateFile {
    project: string;
    stack: string;
    resources: EngineResource[];
    /** Secrets that could not be decrypted and were redacted to "[secret]". */
    redacted: number;
}

interface ResourceV3 {
    urn: string;
    custom?: boolean;
    delete?: boolean;
    id?: string;
    type: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    parent?: string;
    protect?: boolean;
    dependencies?: string[];
    provider?: string;
    propertyDependencies?: Record<string, string[]>;
    additionalSecretOutputs?: string[];
    aliases?: string[];
    customTimeouts?: { create?: number; update?: number; delete?: number };
    ignoreChanges?: string[];
}

export class StateError extends Error {}

function fromState(v: unknown, count: { redacted: number }): unknown {
    if (Array.isArray(v)) return v.map(x => fromState(x, count));
    if (typeof v === "object" && v !== null) {
        const o = v as Record<string, unknown>;
        if (o[SIG_KEY] === SECRET_SIG) {
            if (typeof o.plaintext === "string") return secret(fromState(JSON.parse(o.plaintext), count));
            count.redacted++;
            return secret("[secret]");
        }
        if (o[SIG_KEY] === REF_SIG) {
            return typeof o.id === "string" && o.id !== "" ? o.id : o.urn;
        }
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(o)) {
            Object.defineProperty(out, k, { value: fromState(x, count), enumerable: true, writable: true, configurable: true });
        }
        return out;
    }
    return v;
}

function urnName(urn: string): string {
    return urn.split("::").slice(3).join("::");
}

/** Read a `pulumi stack export` document. Throws StateError when it is not one. */
export function readStackExport(doc: unknown): StateFile {
    const d = doc as { version?: unknown; deployment?: { resources?: unknown } };
    if (typeof d !== "object" || d === null || typeof d.deployment !== "object" || d.deployment === null) {
        throw new StateError('not a `pulumi stack export` file: no "deployment" object');
    }
    if (d.version !== 3) {
        throw new StateError(`unsupported deployment version ${JSON.stringify(d.version)} (pulumi stack export writes version 3)`);
    }
    const raw = (d.deployment.resources ?? []) as ResourceV3[];
    if (!Array.isArray(raw)) throw new StateError('"deployment.resources" is not an array');
    const count = { redacted: 0 };
    const live = raw.filter(r => !r.delete);
    const providers = new Map(live.filter(r => r.type.startsWith("pulumi:providers:")).map(r => [r.urn, r]));
    const resources = live.map((r): EngineResource => {
        if (typeof r.urn !== "string" || typeof r.type !== "string") throw new StateError(`a resource without urn or type: ${JSON.stringify(r).slice(0, 200)}`);
        let provider: EngineResource["provider"];
        if (r.provider) {
            const i = r.provider.lastIndexOf("::");
            const p = providers.get(i > 0 ? r.provider.slice(0, i) : r.provider);
            if (p) provider = { type: p.type, name: urnName(p.urn), urn: p.urn, inputs: fromState(p.inputs ?? {}, { redacted: 0 }) as Record<string, unknown> };
        }
        return {
            type: r.type,
            name: urnName(r.urn),
            urn: r.urn,
            inputs: fromState(r.inputs ?? {}, count) as Record<string, unknown>,
            outputs: fromState(r.outputs ?? {}, count) as Record<string, unknown>,
            parent: r.parent || undefined,
            dependencies: r.dependencies ?? [],
            propertyDependencies: r.propertyDependencies ?? {},
            provider,
            protect: r.protect,
            ignoreChanges: r.ignoreChanges,
            additionalSecretOutputs: r.additionalSecretOutputs,
            aliases: r.aliases,
            customTimeouts: r.customTimeouts,
        };
    });
    const root = live.find(r => r.type === "pulumi:pulumi:Stack" && !r.parent)?.urn ?? live[0]?.urn ?? "urn:pulumi:stack::project::x::y";
    const [stack, project] = root.slice("urn:pulumi:".length).split("::");
    return { project, stack, resources, redacted: count.redacted };
}
