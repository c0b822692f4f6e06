// Conformance with the reference Pod Security Admission (policy version v1.35): every pod of
// tests/fixtures/pss-conformance/pod-security-admission/{baseline,restricted}/v1.35/{pass,fail} goes
// through the pack's PSS policies as a Pod, wrapped in a Deployment, a CronJob, a PodTemplate
// and legacy kinds. A `fail/` pod must be flagged by the policies of its level (restricted:
// baseline + restricted, as restricted includes baseline), by the policy of the control its
// file names; a `pass/` pod by none. Agreement must be 100%.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import * as yaml from "js-yaml";
import { PackPolicy } from "../../lib/policy";
import { podSecurityPolicies, pssBaselinePolicies, pssRestrictedPolicies } from "../../policies";
import { kind, Props, WORKLOADS, WorkloadKind } from "../fixtures/k8s";
import { validate } from "../harness";

/** The project root: the directory of this package.json, from the sources or any build directory. */
function projectRoot(): string {
    const isRoot = (d: string) => {
        const f = path.join(d, "package.json");
        return fs.existsSync(f) && path.basename(d) !== ".build" && JSON.parse(fs.readFileSync(f, "utf8")).name === "aks-security-baseline";
    };
    for (const start of [__dirname, process.cwd()]) {
        for (let d = path.resolve(start); ; d = path.dirname(d)) {
            if (isRoot(d)) return d;
            if (path.dirname(d) === d) break;
        }
    }
    throw new Error(`project root not found from ${__dirname} or ${process.cwd()}`);
}

/** Vendored from kubernetes/pod-security-admission test/testdata (source, commit and licence in its README.md and LICENSE). */
const CONFORMANCE = path.join(projectRoot(), "tests", "fixtures", "pss-conformance", "pod-security-admission");
if (!fs.existsSync(CONFORMANCE)) {
    throw new Error(`PSS conformance fixtures missing: ${CONFORMANCE}`);
}

const LEVELS = {
    baseline: pssBaselinePolicies,
    restricted: [...pssBaselinePolicies, ...pssRestrictedPolicies],
} as const;

/** The policy that must flag a `fail/` file, by the check its name starts with. */
const EXPECTED: Record<string, string> = {
    allowprivilegeescalation: "k8s-pss-restricted-privilege-escalation",
    apparmorprofile: "k8s-pss-baseline-apparmor",
    capabilities_baseline: "k8s-pss-baseline-capabilities",
    capabilities_restricted: "k8s-pss-restricted-capabilities",
    hostnamespaces: "k8s-pss-baseline-host-namespaces",
    hostpathvolumes: "k8s-pss-baseline-host-path-volumes",
    hostports: "k8s-pss-baseline-host-ports",
    hostprobesandhostlifecycle: "k8s-pss-baseline-host-probes-lifecycle",
    privileged: "k8s-pss-baseline-privileged",
    procmount: "k8s-pss-baseline-proc-mount",
    procmount_restricted: "k8s-pss-restricted-proc-mount",
    restrictedvolumes: "k8s-pss-restricted-volume-types",
    runasnonroot: "k8s-pss-restricted-run-as-non-root",
    runasuser: "k8s-pss-restricted-run-as-user",
    seccompprofile_baseline: "k8s-pss-baseline-seccomp",
    seccompprofile_restricted: "k8s-pss-restricted-seccomp",
    selinuxoptions: "k8s-pss-baseline-selinux",
    sysctls: "k8s-pss-baseline-sysctls",
    windowshostprocess: "k8s-pss-baseline-host-process",
};

/** The kinds every fixture runs through: a Pod as written, and its pod wrapped in templates. */
const KINDS: WorkloadKind[] = [
    "Pod", "Deployment", "CronJob", "PodTemplate",
    "extensions/v1beta1 DaemonSet", "apps/v1beta1 StatefulSet", "batch/v1beta1 CronJob",
].map(kind);

function files(level: string, outcome: "pass" | "fail"): string[] {
    const dir = path.join(CONFORMANCE, level, "v1.35", outcome);
    if (!fs.existsSync(dir)) {
        throw new Error(`PSS conformance fixtures missing: ${dir}`);
    }
    return fs.readdirSync(dir).filter(f => f.endsWith(".yaml")).sort().map(f => path.join(dir, f));
}

function load(file: string): Props {
    const doc = yaml.load(fs.readFileSync(file, "utf8")) as Props;
    assert.equal(doc.kind, "Pod", `${file} is a Pod`);
    return doc;
}

/** The props of `pod` as resource `k`; the Pod itself is passed as written. */
function as(k: WorkloadKind, pod: Props): Props {
    if (k.name === "Pod") {
        return pod;
    }
    const meta = (pod.metadata ?? {}) as Props;
    const podMetadata: Props = meta.annotations ? { annotations: meta.annotations } : {};
    return k.wrap(pod.spec as Props, podMetadata, { name: meta.name });
}

/** Names of the policies that report at least one violation, with their messages. */
function flaggedBy(policies: readonly PackPolicy[], type: string, props: Props): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const p of policies) {
        const r = validate(p, type, props);
        assert.equal(r.unknown, undefined, `${p.name}: no unknowns`);
        assert.equal(r.notApplicable, undefined, `${p.name}: applicable`);
        if (r.violations.length > 0) out.set(p.name, r.violations);
    }
    return out;
}

function expectedPolicy(file: string): string {
    const base = path.basename(file, ".yaml").replace(/\d+$/, "");
    const name = EXPECTED[base];
    assert.ok(name, `no expected policy for ${base}: add it to EXPECTED`);
    return name;
}

describe("Pod Security Standards conformance (pod-security-admission v1.35)", () => {
    it("has the fixtures of both levels", () => {
        for (const level of Object.keys(LEVELS)) {
            assert.ok(files(level, "pass").length > 10, `${level}/pass`);
            assert.ok(files(level, "fail").length > 30, `${level}/fail`);
        }
    });

    for (const [level, policies] of Object.entries(LEVELS)) {
        for (const outcome of ["pass", "fail"] as const) {
            for (const file of files(level, outcome)) {
                const name = `${level}/${outcome}/${path.basename(file)}`;
                const pod = load(file);
                for (const k of KINDS) {
                    it(`${name} as ${k.name}`, () => {
                        const flagged = flaggedBy(policies, k.type, as(k, pod));
                        if (outcome === "pass") {
                            assert.deepEqual(Object.fromEntries(flagged), {}, `${name} must pass ${level}`);
                        } else {
                            const want = expectedPolicy(file);
                            assert.ok(flagged.has(want), `${name} must be flagged by ${want}; flagged by ${JSON.stringify([...flagged.keys()])}`);
                        }
                    });
                }
            }
        }
    }

    // A …Patch leaves absent fields as they are, so "must be set" requirements do not apply to
    // it; whatever a passing pod writes must still pass.
    for (const level of Object.keys(LEVELS) as (keyof typeof LEVELS)[]) {
        for (const file of files(level, "pass")) {
            for (const k of WORKLOADS.filter(w => w.patch)) {
                it(`${level}/pass/${path.basename(file)} as ${k.name}`, () => {
                    assert.deepEqual(Object.fromEntries(flaggedBy(LEVELS[level], k.type, as(k, load(file)))), {});
                });
            }
        }
    }

    it("covers every PSS policy with at least one fail/ fixture", () => {
        const expected = new Set(Object.values(EXPECTED));
        for (const p of podSecurityPolicies) {
            assert.ok(expected.has(p.name), p.name);
        }
    });
});
