import { subnet, subnetNsgAssociation, virtualNetwork } from "../../lib/core/kinds";
import { say } from "../../lib/core/message";
import { PolicyMeta, stackPolicy, StackCheckContext } from "../../lib/policy";
import { label, root } from "../../lib/stack";
import { printable } from "../../lib/core/node";
import { SubnetRef, Subnets } from "../../lib/stack/subnets";
import { separatePoolSubnets, StackCluster } from "../../lib/stack/aks";
import { isSet, known } from "../../lib/stack/links";

export const meta: PolicyMeta = {
    name: "aks-node-subnet-nsg-attached",
    displayName: "AKS: node subnets have a network security group",
    description: "Every subnet of the stack that AKS node pools run in has a network security group associated.",
    controls: ["NET-5", "NET-1"],
    checks: ["VNET-01"],
    severity: "medium",
    enforcementLevel: "advisory",
    mcsb: ["NS-1"],
    url: "https://learn.microsoft.com/azure/aks/concepts-network#network-security-groups",
    remediationSteps: [
        "azure-native: set `networkSecurityGroup: { id: nsg.id }` on the node `network.Subnet` (or on the `subnets[]` entry of the `network.VirtualNetwork`).",
        "classic azure: add a `network.SubnetNetworkSecurityGroupAssociation` with `subnetId: subnet.id` and `networkSecurityGroupId: nsg.id` (or set `securityGroup` on the `subnets[]` entry of the `network.VirtualNetwork`).",
    ].join("\n"),
};

const nativeSubnet = subnet.kinds[0];
const nativeVnet = virtualNetwork.kinds[0];

export function* check(ctx: StackCheckContext<Record<string, never>>): Iterable<{ urn: string; message: string }> {
    const index = new Subnets(ctx.stack);
    if (index.empty) {
        return;
    }
    const used = new Map<string, { ref: SubnetRef; users: string[] }>();
    const use = (refs: SubnetRef[], user: string) => {
        for (const ref of refs) {
            const u = used.get(ref.key) ?? { ref, users: [] };
            if (!u.users.includes(user)) u.users.push(user);
            used.set(ref.key, u);
        }
    };
    for (const c of StackCluster.all(ctx.stack)) {
        const { key, values } = c.inlineSubnets();
        use(index.resolve(c.r, key, values), c.label);
        const hosted = c.hostedSubnets();
        if (hosted.values.length > 0) {
            use(index.resolve(c.r, hosted.key, hosted.values), c.label);
        }
    }
    for (const p of separatePoolSubnets(ctx.stack)) {
        use(index.resolve(p.r, p.key, [p.value]), label(p.r));
    }
    // Classic: the subnets an association gives an NSG.
    const associated = new Set<string>();
    for (const a of ctx.stack.of(subnetNsgAssociation)) {
        index.resolve(a, "subnetId", [known(root(a), "subnetId")]).forEach(ref => associated.add(ref.key));
    }
    for (const { ref, users } of used.values()) {
        const holds = `it holds the nodes of ${users.join(", ")}`;
        if (associated.has(ref.key)) {
            continue;
        }
        if (ref.entry) {
            const native = nativeVnet.matches(ref.r.type);
            const nsg = known(ref.entry, native ? "networkSecurityGroup" : "securityGroup");
            const id = native && nsg?.isObject ? known(nsg, "id") : nsg;
            if (nsg === undefined || id === undefined || (native ? nsg.isObject && isSet(id) : isSet(id))) {
                continue;
            }
            const name = printable(ref.entry.get("name"));
            const element = `${label(ref.r)}${name !== undefined ? ` (subnet ${JSON.stringify(name)})` : ""}`;
            yield {
                urn: ref.r.urn,
                message: say({
                    element,
                    node: native && nsg.isObject ? id : nsg,
                    absent: "traffic to and from the nodes is not filtered by an NSG of yours",
                    fix: `${holds}: set it to ${native ? "{ id: <NSG id> }" : "the NSG's id"}${native ? "" : ", or add a SubnetNetworkSecurityGroupAssociation"}`,
                }),
            };
            continue;
        }
        if (nativeSubnet.matches(ref.r.type)) {
            const deps = ref.r.propertyDependencies?.networkSecurityGroup;
            const nsg = known(root(ref.r), "networkSecurityGroup");
            const id = nsg?.isObject ? known(nsg, "id") : nsg;
            if ((Array.isArray(deps) && deps.length > 0) || nsg === undefined || id === undefined || (nsg.isObject && isSet(id))) {
                continue;
            }
            yield {
                urn: ref.r.urn,
                message: say({
                    element: label(ref.r),
                    node: nsg.isObject ? id : nsg,
                    absent: "traffic to and from the nodes is not filtered by an NSG of yours",
                    fix: `${holds}: set networkSecurityGroup to { id: <NSG id> }`,
                }),
            };
            continue;
        }
        yield {
            urn: ref.r.urn,
            message: `${label(ref.r)} has no SubnetNetworkSecurityGroupAssociation in this stack (traffic to and from the nodes is not filtered by an NSG of yours); ${holds}: add one with subnetId set to the subnet's id and networkSecurityGroupId set to the NSG's id.`,
        };
    }
}

export const policy = stackPolicy(meta, check);
