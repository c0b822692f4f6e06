// Exemptions and stack-tag profiles, through a real policy's wiring (lib/policy.ts).
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { decide, expired } from "../../lib/config/exemptions";
import { globMatch } from "../../lib/core/glob";
import { levelFromStackTags } from "../../lib/config/profiles";
import { policy, meta } from "../../policies/network/aks-private-cluster-enabled";
import { managedCluster, T } from "../fixtures/aks";
import { unknown, validate } from "../harness";

const PUBLIC = managedCluster({ apiServerAccessProfile: undefined });
const OFF = "The cluster does not set apiServerAccessProfile.enablePrivateCluster (the API server has a public endpoint); set it to true.";
const ex = (match: Record<string, string>, extra: Record<string, string> = {}) => ({ exemptions: [{ match, reason: "legacy cluster, migrating in Q1", ...extra }] });
const K8S = "kubernetes:apps/v1:Deployment";
const deployment = (annotations: Record<string, unknown> = {}, namespace = "shop") => ({ metadata: { name: "web", namespace, annotations }, spec: {} });

describe("exemptions", () => {
    it("exempt a resource by name glob: not applicable with the reason, owner and expiry", () => {
        const out = validate(policy, T.managedCluster, PUBLIC, ex({ name: "legacy-*" }, { owner: "team-a", expires: "2999-01-31" }), "legacy-aks");
        assert.deepEqual(out.violations, []);
        assert.equal(out.notApplicable, "exempted by the policy configuration: legacy cluster, migrating in Q1, owner team-a, until 2999-01-31");
    });
    it("leaves other resources alone", () => {
        assert.deepEqual(validate(policy, T.managedCluster, PUBLIC, ex({ name: "legacy-*" }), "new-aks").violations, [OFF]);
    });
    it("matches by URN and by type globs", () => {
        assert.ok(validate(policy, T.managedCluster, PUBLIC, ex({ urn: "urn:pulumi:dev::project::*::res" })).notApplicable);
        assert.ok(validate(policy, T.managedCluster, PUBLIC, ex({ type: "azure-native:containerservice*" })).notApplicable);
        assert.equal(validate(policy, T.managedCluster, PUBLIC, ex({ type: "azure:*" })).notApplicable, undefined);
    });
    it("matches by Azure tag, key or key=value", () => {
        const tagged = { ...PUBLIC, tags: { env: "legacy" } };
        assert.ok(validate(policy, T.managedCluster, tagged, ex({ tag: "env" })).notApplicable);
        assert.ok(validate(policy, T.managedCluster, tagged, ex({ tag: "env=legacy" })).notApplicable);
        assert.deepEqual(validate(policy, T.managedCluster, tagged, ex({ tag: "env=prod" })).violations, [OFF]);
    });
    it("requires every given field to match", () => {
        const tagged = { ...PUBLIC, tags: { env: "legacy" } };
        assert.deepEqual(validate(policy, T.managedCluster, tagged, ex({ tag: "env=legacy", name: "other" })).violations, [OFF]);
    });
    it("lapses after its expiry date and says so in the violation", () => {
        const out = validate(policy, T.managedCluster, PUBLIC, ex({ name: "*" }, { expires: "2020-01-31" }));
        assert.deepEqual(out.violations, [`${OFF} The exemption "legacy cluster, migrating in Q1" for this resource expired on 2020-01-31.`]);
    });
    it("holds through the whole expiry day (UTC) and lapses after it", () => {
        assert.equal(expired("2026-11-27", new Date("2026-11-27T23:59:00Z")), false);
        assert.equal(expired("2026-11-27", new Date("2026-11-28T00:00:01Z")), true);
        assert.equal(expired(undefined, new Date()), false);
    });
    it("honours an Azure in-code tag naming the policy, unless the admin turns it off", () => {
        const tagged = { ...PUBLIC, tags: { "aks-security-baseline-exempt:aks-private-cluster-enabled": "reached through ExpressRoute only" } };
        assert.equal(validate(policy, T.managedCluster, tagged).notApplicable,
            "exempted in code by the tag aks-security-baseline-exempt:aks-private-cluster-enabled: reached through ExpressRoute only");
        assert.deepEqual(validate(policy, T.managedCluster, tagged, { allowInCodeExemptions: false }).violations, [OFF]);
    });
    it("ignores an in-code tag for another policy, and one without a reason (saying why)", () => {
        const other = { ...PUBLIC, tags: { "aks-security-baseline-exempt:aks-entra-id-enabled": "x" } };
        assert.deepEqual(validate(policy, T.managedCluster, other).violations, [OFF]);
        const empty = { ...PUBLIC, tags: { "aks-security-baseline-exempt:aks-private-cluster-enabled": " " } };
        assert.deepEqual(validate(policy, T.managedCluster, empty).violations,
            [`${OFF} The tag aks-security-baseline-exempt:aks-private-cluster-enabled has no reason, so it does not exempt the resource; write the reason as its value.`]);
    });
    it("never stops on unknown tags or metadata during preview", () => {
        assert.deepEqual(validate(policy, T.managedCluster, { ...PUBLIC, tags: unknown }, ex({ tag: "env" })).violations, [OFF]);
        assert.deepEqual(validate(policy, T.managedCluster, { ...PUBLIC, tags: { env: unknown } }, ex({ tag: "env=legacy" })).violations, [OFF]);
    });
    it("matches Kubernetes namespaces and annotations, and in-code annotations", () => {
        const s = (props: unknown) => ({ name: "web", urn: "urn:x", type: K8S, props });
        assert.ok(decide("p", ex({ namespace: "sh*" }), s(deployment())).exempt);
        assert.equal(decide("p", ex({ namespace: "kube-*" }), s(deployment())).exempt, undefined);
        assert.ok(decide("p", ex({ annotation: "team=payments" }), s(deployment({ team: "payments" }))).exempt);
        assert.equal(decide("p", {}, s(deployment({ "exempt.aks-security-baseline.io/p": "vendor chart" }))).exempt,
            "exempted in code by the annotation exempt.aks-security-baseline.io/p: vendor chart");
        assert.equal(decide("p", { allowInCodeExemptions: false }, s(deployment({ "exempt.aks-security-baseline.io/p": "vendor chart" }))).exempt, undefined);
        assert.equal(decide("p", {}, s(deployment({ "exempt.aks-security-baseline.io/p": unknown }))).exempt, undefined);
    });
    it("globs match whole strings with * and ?", () => {
        assert.ok(globMatch("a*c", "abbc") && globMatch("a?c", "abc") && !globMatch("a?c", "abbc") && !globMatch("a.c", "abc"));
    });
    it("ignores malformed exemption entries, and says which", () => {
        assert.deepEqual(validate(policy, T.managedCluster, PUBLIC, { exemptions: [null, { match: "x", reason: "r" }, { match: {}, reason: "r" }, { match: { name: "*" } }] }).violations, [
            "The policy configuration sets exemptions[0]: null (write an object { match, reason, expires?, owner? } there), sets exemptions[1].match: \"x\" (write an object with at least one of name, urn, type, namespace, annotation, tag there) and sets exemptions[2].match: {} (write an object with at least one of name, urn, type, namespace, annotation, tag there), and 1 more like it; until it is fixed, the policy ignores exemptions[0], exemptions[1], exemptions[2] and 1 more entries.",
            OFF,
        ]);
    });
});

describe("stack-tag profiles", () => {
    const cfg = { stackTagProfiles: [{ tag: "environment=prod", profile: "strict" }, { tag: "environment=dev", profile: "advisory" }] };
    it("select the level from the first matching stack tag", () => {
        assert.equal(levelFromStackTags(meta, cfg, new Map([["environment", "prod"]])), "mandatory");
        assert.equal(levelFromStackTags(meta, cfg, new Map([["environment", "dev"]])), "advisory");
    });
    it("fall back to the configured level without a matching tag or without tags", () => {
        assert.equal(levelFromStackTags(meta, cfg, new Map([["environment", "qa"]])), undefined);
        assert.equal(levelFromStackTags(meta, cfg, new Map()), undefined);
        assert.equal(levelFromStackTags(meta, { stackTagProfiles: [{ tag: "environment=prod", profile: "nope" }] }, new Map([["environment", "prod"]])), undefined);
    });
});
