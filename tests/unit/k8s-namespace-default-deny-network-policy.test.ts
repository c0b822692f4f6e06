import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { StackValidationPolicy, unknownCheckingProxy } from "@pulumi/policy";
import { policy } from "../../policies/network/k8s-namespace-default-deny-network-policy";
import { deployment, K, namespace, networkPolicy } from "../fixtures/k8s-objects";
import { secret, StackResource, unknown, validateStack } from "../harness";
import { untyped } from "../fixtures/typed";

const NS: StackResource = { type: K.namespace, name: "apps", props: namespace() };
const NS_URN = `urn:pulumi:dev::project::${K.namespace}::apps`;
const DENY: StackResource = { type: K.networkPolicy, name: "deny", props: networkPolicy() };
const INGRESS = "has no NetworkPolicy that denies all ingress by default (podSelector: {}, policyTypes: [\"Ingress\"], no ingress rules), so every pod accepts traffic from anywhere in the cluster; add one to the namespace.";
const EGRESS = "has no NetworkPolicy that denies all egress by default (podSelector: {}, policyTypes: [\"Egress\"], no egress rules), so every pod can open connections anywhere; add one to the namespace.";
const BOTH = "has no NetworkPolicy that denies all ingress and egress by default (podSelector: {}, policyTypes: [\"Ingress\",\"Egress\"], no ingress or egress rules), so every pod accepts traffic from anywhere in the cluster; add one to the namespace.";

function np(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}, name = "np"): StackResource {
    return { type: K.networkPolicy, name, props: { metadata: { name, namespace: "apps", ...metadata }, spec } };
}
function app(name: string, ns: unknown, extra: Partial<StackResource> = {}): StackResource {
    return { type: K.deployment, name, props: deployment(undefined, { namespace: untyped(ns) }), ...extra };
}

function run(resources: StackResource[], config?: Record<string, unknown>) {
    return validateStack(policy, resources, config);
}

describe("k8s-namespace-default-deny-network-policy", () => {
    const cases: { name: string; resources: StackResource[]; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "passes a namespace with a default-deny policy", resources: [NS, DENY], want: [] },
        { name: "fails a namespace without any NetworkPolicy", resources: [NS], want: [`Namespace "apps" ${INGRESS}`] },
        { name: "fails when the only default-deny is in another namespace", resources: [NS, np({ podSelector: {}, policyTypes: ["Ingress"] }, { namespace: "other" })], want: [`Namespace "apps" ${INGRESS}`] },
        { name: "fails a policy that selects only some pods", resources: [NS, np({ podSelector: { matchLabels: { app: "web" } }, policyTypes: ["Ingress"] })], want: [`Namespace "apps" ${INGRESS}`] },
        { name: "fails a policy selecting by expression", resources: [NS, np({ podSelector: { matchExpressions: [{ key: "app", operator: "Exists" }] }, policyTypes: ["Ingress"] })], want: [`Namespace "apps" ${INGRESS}`] },
        { name: "accepts empty matchLabels and matchExpressions", resources: [NS, np({ podSelector: { matchLabels: {}, matchExpressions: [] }, policyTypes: ["Ingress"] })], want: [] },
        { name: "accepts an absent podSelector (every pod)", resources: [NS, np({ policyTypes: ["Ingress"] })], want: [] },
        { name: "accepts absent policyTypes (Kubernetes defaults to Ingress)", resources: [NS, np({ podSelector: {} })], want: [] },
        { name: "accepts policyTypes in any case", resources: [NS, np({ podSelector: {}, policyTypes: ["ingress"] })], want: [] },
        { name: "fails a policy for Egress only", resources: [NS, np({ podSelector: {}, policyTypes: ["Egress"] })], want: [`Namespace "apps" ${INGRESS}`] },
        { name: "fails a policy whose ingress rules allow traffic", resources: [NS, np({ podSelector: {}, policyTypes: ["Ingress"], ingress: [{}] })], want: [`Namespace "apps" ${INGRESS}`] },
        { name: "accepts an empty ingress rule list", resources: [NS, np({ podSelector: {}, policyTypes: ["Ingress"], ingress: [] })], want: [] },
        { name: "fails policyTypes given as a bare string", resources: [NS, np({ podSelector: {}, policyTypes: "Ingress" })], want: [`Namespace "apps" ${INGRESS}`] },
        { name: "fails a podSelector that is not an object", resources: [NS, np({ podSelector: "all", policyTypes: ["Ingress"] })], want: [`Namespace "apps" ${INGRESS}`] },
        { name: "reads the extensions/v1beta1 NetworkPolicy token", resources: [NS, { ...DENY, type: K.networkPolicyExtensions }], want: [] },
        { name: "does not count a NetworkPolicyPatch (it changes an existing policy)", resources: [NS, { ...DENY, type: "kubernetes:networking.k8s.io/v1:NetworkPolicyPatch" }], want: [`Namespace "apps" ${INGRESS}`] },
        // egress
        { name: "requireEgress: fails an ingress-only default-deny", config: { requireEgress: true }, resources: [NS, np({ podSelector: {}, policyTypes: ["Ingress"] })], want: [`Namespace "apps" ${EGRESS}`] },
        { name: "requireEgress: names both directions when nothing denies", config: { requireEgress: true }, resources: [NS], want: [`Namespace "apps" ${BOTH}`] },
        { name: "requireEgress: accepts separate ingress and egress policies", config: { requireEgress: true },
            resources: [NS, np({ podSelector: {} }, {}, "deny-in"), np({ podSelector: {}, policyTypes: ["Egress"] }, {}, "deny-out")], want: [] },
        { name: "requireEgress: fails an egress policy with rules", config: { requireEgress: true },
            resources: [NS, np({ podSelector: {}, policyTypes: ["Ingress", "Egress"], egress: [{ to: [{ namespaceSelector: {} }] }] })], want: [`Namespace "apps" ${EGRESS}`] },
        { name: "requireEgress must be the boolean true", config: { requireEgress: "true" }, resources: [NS, np({ podSelector: {} })], want: ["The policy configuration sets requireEgress: \"true\" (write true or false there, e.g. false); until it is fixed, the policy uses the default for requireEgress (false)."] },
        // namespaces used by workloads
        { name: "fails a namespace used by a workload but not declared, against the first workload", resources: [app("web", "shop"), app("api", "shop")],
            want: [`Namespace "shop" (used by Deployment "web") ${INGRESS}`] },
        { name: "passes such a namespace when the stack has its default-deny", resources: [app("web", "shop"), np({ podSelector: {} }, { namespace: "shop" })], want: [] },
        { name: "reads a workload without a namespace as in \"default\"", resources: [app("web", undefined)], want: [`Namespace "default" (used by Deployment "web") ${INGRESS}`] },
        { name: "matches a NetworkPolicy without a namespace to \"default\"", resources: [app("web", undefined), np({ podSelector: {} }, { namespace: undefined })], want: [] },
        { name: "reports a declared namespace once, against the Namespace, even with workloads in it", resources: [app("web", "apps"), NS], want: [`Namespace "apps" ${INGRESS}`] },
        { name: "reports each namespace once, in stack order", resources: [NS, app("web", "shop"), { type: K.namespace, name: "team", props: namespace({ metadata: { name: "team" } }) }], want: [
            `Namespace "apps" ${INGRESS}`, `Namespace "team" ${INGRESS}`, `Namespace "shop" (used by Deployment "web") ${INGRESS}`,
        ] },
        { name: "does not treat a NamespacePatch as a declared namespace", resources: [{ ...NS, type: K.namespacePatch }], want: [] },
        // exclusions
        { name: "skips excluded system namespaces, declared or used", resources: [{ type: K.namespace, name: "ks", props: namespace({ metadata: { name: "kube-system" } }) }, app("dns", "kube-system")], want: [] },
        { name: "checks them when excludedNamespaces is empty", config: { excludedNamespaces: [] }, resources: [app("dns", "kube-system")],
            want: [`Namespace "kube-system" (used by Deployment "dns") ${INGRESS}`] },
        { name: "takes prefix patterns from excludedNamespaces", config: { excludedNamespaces: ["team-*"] }, resources: [app("a", "team-a"), app("b", "shop")],
            want: [`Namespace "shop" (used by Deployment "b") ${INGRESS}`] },
        { name: "reports nothing for a stack without namespaces or workloads", resources: [DENY, { type: K.service, name: "svc", props: {} }], want: [] },
        { name: "names a namespace whose name is a secret by its resource", resources: [{ type: K.namespace, name: "ns1", props: namespace({ metadata: { name: secret("apps") } }) }],
            want: [`Namespace "ns1" ${INGRESS}`] },
        { name: "names a namespace without metadata.name by its resource", resources: [{ type: K.namespace, name: "ns1", props: { metadata: {} } }], want: [`Namespace "ns1" ${INGRESS}`] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = run(c.resources, c.config);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    it("reports against the Namespace resource", () => {
        assert.deepEqual(run([NS]).urns, [NS_URN]);
    });
    it("reports against the first workload of an undeclared namespace", () => {
        assert.deepEqual(run([app("web", "shop"), app("api", "shop")]).urns, [`urn:pulumi:dev::project::${K.deployment}::web`]);
    });

    describe("preview", () => {
        it("links a policy whose namespace is unknown to its Namespace through propertyDependencies.metadata", () => {
            const out = run([NS, { ...np({ podSelector: {} }, { namespace: unknown }), propertyDependencies: { metadata: [NS_URN] } }]);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, undefined);
        });
        it("links a Namespace whose name is unknown", () => {
            const ns = { ...NS, props: namespace({ metadata: { name: unknown } }) };
            const out = run([ns, { ...np({ podSelector: {} }, { namespace: unknown }), propertyDependencies: { metadata: [NS_URN] } }]);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, undefined);
        });
        it("reports a Namespace with an unknown name and no linked policy, by its resource name", () => {
            const out = run([{ ...NS, props: namespace({ metadata: { name: unknown } }) }]);
            assert.deepEqual(out.violations, [`Namespace "apps" ${INGRESS}`]);
            assert.equal(out.unknown, undefined);
        });
        it("gives the SDK's note instead of a violation when an unlinked policy's namespace is unknown", () => {
            const out = run([NS, np({ podSelector: {} }, { namespace: unknown })]);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, "string value at .metadata.namespace can't be known during preview");
        });
        it("gives the SDK's note when a policy's spec is unknown", () => {
            const out = run([NS, { ...DENY, props: { metadata: { namespace: "apps" }, spec: unknown } }]);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, "string value at .spec can't be known during preview");
        });
        it("gives the SDK's note when a policy's podSelector is unknown, after the known violations", () => {
            const out = run([NS, np({ podSelector: unknown }), app("web", "shop")]);
            assert.deepEqual(out.violations, [`Namespace "shop" (used by Deployment "web") ${INGRESS}`]);
            assert.equal(out.unknown, "string value at .spec.podSelector can't be known during preview");
        });
        it("gives the SDK's note when a policyTypes element is unknown", () => {
            const out = run([NS, np({ podSelector: {}, policyTypes: [unknown] })]);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, "string value at .spec.policyTypes.0 can't be known during preview");
        });
        it("judges a selector with unknown label values as selecting some pods (it has labels)", () => {
            const out = run([NS, np({ podSelector: { matchLabels: { app: unknown } } })]);
            assert.deepEqual(out.violations, [`Namespace "apps" ${INGRESS}`]);
            assert.equal(out.unknown, undefined);
        });
        it("passes over a workload whose namespace is unknown (its Namespace is checked on its own)", () => {
            const out = run([app("web", unknown)]);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, undefined);
        });
    });

    describe("the provider's default namespace (the harness passes no provider: called directly)", () => {
        function withProvider(providerProps: Record<string, unknown>, extra: { type: string; name: string; props: Record<string, unknown> }[] = []): string[] {
            const provider = { type: "pulumi:providers:kubernetes", name: "k8s", urn: "urn:pulumi:dev::project::pulumi:providers:kubernetes::k8s", props: unknownCheckingProxy(providerProps) };
            const resources = [{ type: K.deployment, name: "web", props: deployment(undefined, { namespace: undefined }) }, ...extra].map(r => ({
                ...r, urn: `urn:pulumi:dev::project::${r.type}::${r.name}`, props: unknownCheckingProxy(r.props), opts: {}, dependencies: [], propertyDependencies: {}, provider,
                isType: () => false, asType: () => undefined,
            }));
            const out: string[] = [];
            (policy as StackValidationPolicy).validateStack({ resources, getConfig: () => ({}), stackTags: new Map(), notApplicable: () => undefined } as never, (m: string) => out.push(m));
            return out;
        }
        it("puts a workload without metadata.namespace in the provider's namespace", () => {
            assert.deepEqual(withProvider({ namespace: "shop" }), [`Namespace "shop" (used by Deployment "web") ${INGRESS}`]);
        });
        it("matches a policy without metadata.namespace in the same provider namespace", () => {
            assert.deepEqual(withProvider({ namespace: "shop" }, [{ type: K.networkPolicy, name: "deny", props: { metadata: {}, spec: { podSelector: {} } } }]), []);
        });
        it("falls back to default when the provider sets no namespace", () => {
            assert.deepEqual(withProvider({}), [`Namespace "default" (used by Deployment "web") ${INGRESS}`]);
        });
        it("skips a workload whose provider namespace is unknown at preview", () => {
            assert.deepEqual(withProvider({ namespace: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }), []);
        });
    });

    it("is a stack policy", () => {
        assert.equal(typeof (policy as { validateStack?: unknown }).validateStack, "function");
    });
});
