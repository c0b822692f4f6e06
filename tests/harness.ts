// Calling a policy the way the SDK does, without a process: props wrapped in the SDK's own
// unknownCheckingProxy, config from the policy's schema defaults plus overrides, and the
// SDK's handling of unknown values and notApplicable reproduced. Fixture values may hold
// `unknown` (a value unknown during preview) and `secret(...)` (engine/wire.ts).

import { strict as assert } from "node:assert";
import { it } from "node:test";
import { ResourceValidationPolicy, StackValidationPolicy, unknownCheckingProxy, UnknownValueError } from "@pulumi/policy";
import { markSecret } from "../lib/core/secrets";
import { PackPolicy } from "../lib/policy";
import { SecretValue, unknown, UNKNOWN_SENTINEL } from "../engine/wire";

export { unknown, secret } from "../engine/wire";

/** Turn fixture markers into what the SDK hands a policy: sentinels, unwrapped secrets. */
export function materialize(v: unknown, parent?: object, key?: string | number): unknown {
    if (v === unknown) {
        return UNKNOWN_SENTINEL;
    }
    if (v instanceof SecretValue) {
        if (parent !== undefined && key !== undefined) {
            markSecret(parent, key);
        }
        return materialize(v.value, parent, key);
    }
    if (Array.isArray(v)) {
        const out: unknown[] = [];
        v.forEach((x, i) => out.push(materialize(x, out, i)));
        return out;
    }
    if (typeof v === "object" && v !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
            if (x !== undefined) {
                out[k] = materialize(x, out, k);
            }
        }
        return out;
    }
    return v;
}

export interface Outcome {
    /** Messages reported, in order. */
    violations: string[];
    /** The SDK's advisory note when the policy read an unknown value. */
    unknown?: string;
    /** The reason given with args.notApplicable. */
    notApplicable?: string;
}

class NotApplicable extends Error {
    constructor(readonly reason?: string) {
        super(reason);
    }
}

/** Run a resource policy on one resource. */
export function validate(
    policy: PackPolicy,
    type: string,
    props: unknown,
    config: Record<string, unknown> = {},
    name = "res",
): Outcome {
    const p = policy as ResourceValidationPolicy;
    if (typeof p.validateResource !== "function") {
        throw new Error(`${policy.name} is not a single-function resource policy`);
    }
    const out: Outcome = { violations: [] };
    const proxied = unknownCheckingProxy(materialize(props) as Record<string, unknown>);
    try {
        const r = p.validateResource(
            {
                type,
                props: proxied,
                urn: `urn:pulumi:dev::project::${type}::${name}`,
                name,
                opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
                stackTags: new Map(),
                isType: () => false,
                asType: () => undefined,
                getConfig: <T>() => config as T,
                notApplicable: (reason?: string) => {
                    throw new NotApplicable(reason);
                },
            } as never,
            (message: string) => out.violations.push(message),
        );
        if (r && typeof (r as Promise<void>).then === "function") {
            throw new Error("validate() supports synchronous policies only");
        }
    } catch (e) {
        if (e instanceof UnknownValueError) {
            out.unknown = (e as Error).message;
        } else if (e instanceof NotApplicable) {
            out.notApplicable = e.reason;
        } else {
            throw e;
        }
    }
    return out;
}

export interface StackResource {
    type: string;
    name: string;
    urn?: string;
    props: unknown;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    parent?: string;
}

/** Run a stack policy over resources (outputs), linking dependencies by URN as the SDK does. */
export function validateStack(policy: PackPolicy, resources: StackResource[], config: Record<string, unknown> = {}): Outcome & { urns: string[] } {
    const p = policy as StackValidationPolicy;
    const out: Outcome & { urns: string[] } = { violations: [], urns: [] };
    const built = resources.map(r => ({
        type: r.type,
        name: r.name,
        urn: r.urn ?? `urn:pulumi:dev::project::${r.type}::${r.name}`,
        props: unknownCheckingProxy(materialize(r.props) as Record<string, unknown>),
        opts: {},
        dependencies: [] as unknown[],
        propertyDependencies: {} as Record<string, unknown[]>,
        parent: undefined as unknown,
        isType: () => false,
        asType: () => undefined,
    }));
    const byUrn = new Map(built.map(b => [b.urn, b]));
    resources.forEach((r, i) => {
        built[i].dependencies = (r.dependencies ?? []).map(u => byUrn.get(u)).filter(Boolean);
        for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
            built[i].propertyDependencies[k] = urns.map(u => byUrn.get(u)).filter(Boolean);
        }
        if (r.parent) built[i].parent = byUrn.get(r.parent);
    });
    try {
        p.validateStack(
            {
                resources: built as never,
                stackTags: new Map(),
                getConfig: <T>() => config as T,
                notApplicable: (reason?: string) => {
                    throw new NotApplicable(reason);
                },
            } as never,
            (message: string, urn?: string) => {
                out.violations.push(message);
                out.urns.push(urn ?? "");
            },
        );
    } catch (e) {
        if (e instanceof UnknownValueError) {
            out.unknown = (e as Error).message;
        } else if (e instanceof NotApplicable) {
            out.notApplicable = e.reason;
        } else {
            throw e;
        }
    }
    return out;
}

/** One row of a policy's table of cases: the props (of `type`, else the table's type), optional config, the violations wanted. */
export interface Case {
    name: string;
    props: unknown;
    type?: string;
    config?: Record<string, unknown>;
    want: string[];
}

/** One test per case: `policy` on the case's resource reports exactly `want`. */
export function violationCases(policy: PackPolicy, type: string, cases: readonly Case[]): void {
    for (const c of cases) {
        it(c.name, () => {
            assert.deepEqual(validate(policy, c.type ?? type, c.props, c.config).violations, c.want);
        });
    }
}
