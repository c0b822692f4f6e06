import { strict as assert } from "node:assert";
import { after, before, describe, it } from "node:test";
import { policy } from "../../policies/nodes/aks-kubernetes-version-supported";
import { lastDay, oldestSupported, supportOf, today } from "../../lib/core/calendar";
import { parseVersion } from "../../lib/core/version";
import { NATIVE_CLUSTER_TYPES, NATIVE_POOL_TYPES, T, agentPool, classicCluster, classicNodePool, classicPool, managedCluster, nativePool } from "../fixtures/aks";
import { secret, unknown, validate } from "../harness";
import calendar from "../../data/aks-release-calendar.json";
import { untyped } from "../fixtures/typed";

// The policy judges a version on the day of the run; the specs pin the day.
const DAY = "2026-12-02";
const READ = calendar.read;
const UPGRADE = `upgrade to 1.35 or later (the oldest minor in standard support on ${DAY}, by the AKS release calendar read ${READ})`;
const ended = (minor: string, on: string, lts?: string) =>
    `${minor} left AKS standard support on ${on}; ${UPGRADE}${lts ? `, or enroll the cluster in long-term support, which covers ${minor} until ${lts}` : ""}.`;
const OLDER = (minor: string) => `${minor} is older than every minor AKS supports; ${UPGRADE}.`;
const E133 = ended("1.33", "2026-07-31", "2027-07-31");
const E134 = ended("1.34", "2026-11-30", "2027-11-30");
const BAD = "set it to a Kubernetes version such as \"1.35\" (major.minor or major.minor.patch).";
const CONFIG = (v: string) => `The policy configuration sets minimumVersion: ${v} (write a string matching ^([vV]?[0-9]+\\.[0-9]+(\\.[0-9]+)?)?$ there); until it is fixed, the policy uses the default for minimumVersion ("").`;
const LTS = { sku: { name: "Base", tier: "Premium" }, supportPlan: "AKSLongTermSupport" };

/** An azure-native cluster at `version` whose inline pools run these orchestrator versions. */
function cluster(version: unknown, ...pools: unknown[]) {
    return managedCluster({ kubernetesVersion: untyped(version), agentPoolProfiles: pools.map((v, i) => nativePool({ name: i ? `user${i}` : "system", orchestratorVersion: untyped(v) })) });
}

describe("aks-kubernetes-version-supported", () => {
    let saved: string | undefined;
    before(() => {
        saved = process.env.AKS_SECURITY_BASELINE_TODAY;
        process.env.AKS_SECURITY_BASELINE_TODAY = DAY;
    });
    after(() => {
        if (saved === undefined) delete process.env.AKS_SECURITY_BASELINE_TODAY;
        else process.env.AKS_SECURITY_BASELINE_TODAY = saved;
    });

    describe("the release calendar", () => {
        it("reads a month as through its last day", () => {
            assert.equal(lastDay("2026-02"), "2026-02-28");
            assert.equal(lastDay("2028-02"), "2028-02-29");
            assert.equal(lastDay("2025-08-22"), "2025-08-22");
        });
        it("has 1.35 as the oldest minor in standard support on 2026-12-02, and 1.34 the day before it left", () => {
            assert.equal(oldestSupported("2026-12-02"), "1.35");
            assert.equal(oldestSupported("2026-11-30"), "1.34");
            assert.deepEqual(supportOf(parseVersion("1.34")!, "2026-11-30", false), { state: "standard", until: "2026-11-30" });
            assert.deepEqual(supportOf(parseVersion("1.34")!, "2026-12-01", false), { state: "ended", ended: "2026-11-30", ltsUntil: "2027-11-30" });
            assert.deepEqual(supportOf(parseVersion("1.34")!, "2026-12-01", true), { state: "lts", until: "2027-11-30" });
            assert.deepEqual(supportOf(parseVersion("1.31")!, "2026-12-01", true), { state: "ended", ended: "2025-11-01" });
        });
        it("names its source and the date it was read", () => {
            assert.match(READ, /^\d{4}-\d{2}-\d{2}$/);
            assert.ok(calendar.source.some(s => s.startsWith("https://learn.microsoft.com/")));
        });
        it("takes the day from AKS_SECURITY_BASELINE_TODAY only when it is a date", () => {
            assert.equal(today(), DAY);
            process.env.AKS_SECURITY_BASELINE_TODAY = "tomorrow";
            try {
                assert.match(today(), /^\d{4}-\d{2}-\d{2}$/);
                assert.notEqual(today(), "tomorrow");
            } finally {
                process.env.AKS_SECURITY_BASELINE_TODAY = DAY;
            }
        });
    });

    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes a cluster and pool in standard support", () => {
                assert.deepEqual(validate(policy, type, cluster("1.35", "1.35.2")).violations, []);
            });
            it("fails a version whose standard support ended, offering LTS while it would cover it", () => {
                assert.deepEqual(validate(policy, type, cluster("1.33.4")).violations, [`The cluster sets kubernetesVersion: "1.33.4"; ${E133}`]);
            });
            it("fails an old inline pool version", () => {
                assert.deepEqual(validate(policy, type, cluster("1.35", "1.35", "1.34")).violations, [`agentPoolProfiles[1] ("user1") sets orchestratorVersion: "1.34"; ${E134}`]);
            });
        });
    }
    for (const type of NATIVE_POOL_TYPES) {
        describe(type, () => {
            it("passes an AgentPool on a supported version", () => {
                assert.deepEqual(validate(policy, type, agentPool({ orchestratorVersion: "1.36.1" })).violations, []);
            });
            it("fails an AgentPool past LTS too", () => {
                assert.deepEqual(validate(policy, type, agentPool({ orchestratorVersion: "1.30.5" })).violations, [`Node pool "user" sets orchestratorVersion: "1.30.5"; ${ended("1.30", "2025-08-22")}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        // accepted forms
        { name: "accepts a major.minor version", props: cluster("1.36"), want: [] },
        { name: "accepts a leading v", props: cluster("v1.35", "V1.37.0"), want: [] },
        { name: "accepts a minor newer than the calendar lists (1.100)", props: cluster("1.100"), want: [] },
        { name: "accepts a newer major", props: cluster("2.0"), want: [] },
        // long-term support
        { name: "accepts a minor in LTS on a cluster enrolled in it", props: managedCluster({ ...LTS, kubernetesVersion: "1.33" }), want: [] },
        { name: "enrollment covers the inline pools too", props: managedCluster({ ...LTS, kubernetesVersion: "1.34", agentPoolProfiles: [nativePool({ orchestratorVersion: "1.33" })] }), want: [] },
        { name: "LTS needs the Premium tier", props: managedCluster({ ...LTS, sku: { name: "Base", tier: "Standard" }, kubernetesVersion: "1.33" }),
            want: [`The cluster sets kubernetesVersion: "1.33"; ${E133}`] },
        { name: "LTS needs the AKSLongTermSupport plan", props: managedCluster({ ...LTS, supportPlan: "KubernetesOfficial", kubernetesVersion: "1.33" }),
            want: [`The cluster sets kubernetesVersion: "1.33"; ${E133}`] },
        { name: "LTS ends too", props: managedCluster({ ...LTS, kubernetesVersion: "1.31" }), want: [`The cluster sets kubernetesVersion: "1.31"; ${ended("1.31", "2025-11-01")}`] },
        { name: "a separate pool gets the benefit of its cluster's possible LTS", type: T.agentPool, props: agentPool({ orchestratorVersion: "1.33" }), want: [] },
        // omitted
        { name: "passes a cluster and pools without versions (AKS picks its default at create)", props: cluster(undefined, undefined, undefined), want: [] },
        { name: "treats null as omitted", props: cluster(null, null), want: [] },
        { name: "checks pools even when the cluster omits its version", props: cluster(undefined, "1.28"), want: [`agentPoolProfiles[0] ("system") sets orchestratorVersion: "1.28"; ${OLDER("1.28")}`] },
        { name: "passes an AgentPool without a version (it follows the control plane)", type: T.agentPool, props: agentPool(), want: [] },
        // failures
        { name: "fails a single-digit minor", props: cluster("v1.9"), want: [`The cluster sets kubernetesVersion: "v1.9"; ${OLDER("1.9")}`] },
        { name: "reports the cluster first, then each old pool, in order", props: cluster("1.32", "1.32", "1.35", "1.29"), want: [
            `The cluster sets kubernetesVersion: "1.32"; ${ended("1.32", "2026-03-31", "2027-03-31")}`,
            `agentPoolProfiles[0] ("system") sets orchestratorVersion: "1.32"; ${ended("1.32", "2026-03-31", "2027-03-31")}`,
            `agentPoolProfiles[2] ("user2") sets orchestratorVersion: "1.29"; ${ended("1.29", "2025-03-31")}`,
        ] },
        // unparsable
        { name: "fails a word, showing it", props: cluster("latest"), want: [`The cluster sets kubernetesVersion: "latest"; ${BAD}`] },
        { name: "fails an empty string", props: cluster(""), want: [`The cluster sets kubernetesVersion: ""; ${BAD}`] },
        { name: "fails a major only", props: cluster("1"), want: [`The cluster sets kubernetesVersion: "1"; ${BAD}`] },
        { name: "fails a wildcard patch", props: cluster("1.35.x"), want: [`The cluster sets kubernetesVersion: "1.35.x"; ${BAD}`] },
        { name: "fails a pre-release suffix", props: cluster("1.35.2-preview"), want: [`The cluster sets kubernetesVersion: "1.35.2-preview"; ${BAD}`] },
        { name: "fails surrounding spaces", props: cluster(" 1.35"), want: [`The cluster sets kubernetesVersion: " 1.35"; ${BAD}`] },
        { name: "fails a number where a string is expected", props: cluster(1.35), want: [`The cluster sets kubernetesVersion: 1.35; ${BAD}`] },
        { name: "fails an array", props: cluster(["1.35"]), want: [`The cluster sets kubernetesVersion: ["1.35"]; ${BAD}`] },
        { name: "fails an unparsable pool version", props: cluster("1.35", "stable"), want: [`agentPoolProfiles[0] ("system") sets orchestratorVersion: "stable"; ${BAD}`] },
        { name: "passes a pool element that is not an object (it sets no version)", props: managedCluster({ agentPoolProfiles: [untyped("1.20")] }), want: [] },
        // config: minimumVersion overrides the calendar
        { name: "takes the minimum from config instead of the calendar", config: { minimumVersion: "1.36" }, props: cluster("1.35", "1.33"), want: [
            "The cluster sets kubernetesVersion: \"1.35\"; upgrade to 1.36 or later (the configured minimumVersion).",
            "agentPoolProfiles[0] (\"system\") sets orchestratorVersion: \"1.33\"; upgrade to 1.36 or later (the configured minimumVersion).",
        ] },
        { name: "a configured minimum can accept what the calendar rejects", config: { minimumVersion: "1.30" }, props: cluster("1.31"), want: [] },
        { name: "shows the configured minimum as written", config: { minimumVersion: "v1.36" }, props: cluster("1.35"),
            want: ["The cluster sets kubernetesVersion: \"1.35\"; upgrade to v1.36 or later (the configured minimumVersion)."] },
        { name: "compares patches when the minimum names one", config: { minimumVersion: "1.35.5" }, props: cluster("1.35.2", "1.35.5", "1.35", "1.36.0"),
            want: ["The cluster sets kubernetesVersion: \"1.35.2\"; upgrade to 1.35.5 or later (the configured minimumVersion)."] },
        { name: "uses the calendar for an empty minimum (the default)", config: { minimumVersion: "" }, props: cluster("1.34"),
            want: [`The cluster sets kubernetesVersion: "1.34"; ${E134}`] },
        { name: "uses the calendar for an unparsable configured minimum, and says so once", config: { minimumVersion: "latest" }, props: cluster("1.34"),
            want: [CONFIG("\"latest\""), `The cluster sets kubernetesVersion: "1.34"; ${E134}`] },
        { name: "uses the calendar for a configured minimum that is not a string, and says so once", config: { minimumVersion: 1.3 }, props: cluster("1.31"),
            want: [CONFIG("1.3"), `The cluster sets kubernetesVersion: "1.31"; ${ended("1.31", "2025-11-01")}`] },
        // secrets
        { name: "never prints a secret version", props: cluster(secret("1.20")), want: [`The cluster sets kubernetesVersion: [secret]; ${OLDER("1.20")}`] },
        { name: "never prints a secret unparsable version", props: cluster(secret("hunter2")), want: [`The cluster sets kubernetesVersion: [secret]; ${BAD}`] },
        { name: "passes a secret supported version", props: cluster(secret("1.35")), want: [] },
        // classic
        { name: "classic: passes supported versions", type: T.classicCluster, props: classicCluster({ defaultNodePool: { orchestratorVersion: "1.35.1" } }), want: [] },
        { name: "classic: fails an old cluster and default pool", type: T.classicCluster,
            props: classicCluster({ kubernetesVersion: "1.27", defaultNodePool: { orchestratorVersion: "1.27.9" } }), want: [
                `The cluster sets kubernetesVersion: "1.27"; ${OLDER("1.27")}`,
                `defaultNodePool ("system") sets orchestratorVersion: "1.27.9"; ${OLDER("1.27")}`,
            ] },
        { name: "classic: accepts LTS with skuTier Premium and supportPlan AKSLongTermSupport", type: T.classicCluster,
            props: classicCluster({ skuTier: "Premium", supportPlan: "AKSLongTermSupport", kubernetesVersion: "1.34" }), want: [] },
        { name: "classic: passes without versions", type: T.classicCluster, props: classicCluster({ kubernetesVersion: undefined }), want: [] },
        { name: "classic: checks nothing more when defaultNodePool is an array", type: T.classicCluster,
            props: classicCluster({ defaultNodePool: untyped([classicPool({ orchestratorVersion: "1.20" })]) }), want: [] },
        { name: "classic node pool: passes a supported version", type: T.classicNodePool, props: classicNodePool({ orchestratorVersion: "v1.35" }), want: [] },
        { name: "classic node pool: fails a version past LTS", type: T.classicNodePool, props: classicNodePool({ orchestratorVersion: "1.26" }),
            want: [`Node pool "user" sets orchestratorVersion: "1.26"; ${OLDER("1.26")}`] },
        { name: "classic node pool: fails an unparsable version", type: T.classicNodePool, props: classicNodePool({ orchestratorVersion: "1.x" }),
            want: [`Node pool "user" sets orchestratorVersion: "1.x"; ${BAD}`] },
        { name: "names an AgentPool without a name generically", type: T.agentPool, props: agentPool({ agentPoolName: undefined, orchestratorVersion: "1.2" }),
            want: [`The node pool sets orchestratorVersion: "1.2"; ${OLDER("1.2")}`] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props, c.config);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the cluster version", props: cluster(unknown), note: "string value at .kubernetesVersion can't be known during preview" },
        { name: "an inline pool's version", props: cluster("1.35", "1.35", unknown), note: "string value at .agentPoolProfiles.1.orchestratorVersion can't be known during preview" },
        { name: "an AgentPool's version", type: T.agentPool, props: agentPool({ orchestratorVersion: unknown }), note: "string value at .orchestratorVersion can't be known during preview" },
        { name: "a classic node pool's version", type: T.classicNodePool, props: classicNodePool({ orchestratorVersion: unknown }), note: "string value at .orchestratorVersion can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("never prints the name of an inline pool held in a secret", () => {
        const out = validate(policy, T.managedCluster, managedCluster({ agentPoolProfiles: [secret(nativePool({ name: "hunter2", orchestratorVersion: "1.20" }))] }));
        assert.deepEqual(out.violations, [`agentPoolProfiles[0] sets orchestratorVersion: [secret]; ${OLDER("1.20")}`]);
    });
});
