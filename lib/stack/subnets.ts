// The subnets of a stack, and what reaches them: resolve a resource's subnet reference to a
// Subnet resource or an entry of a VirtualNetwork's inline `subnets[]` (propertyDependencies
// first, known ARM IDs second), and read the route table that governs a subnet's egress.
// Never reads a value that is unknown during preview (stack-links.ts).

import { route, routeTable, subnet, subnetRouteTableAssociation, virtualNetwork } from "../core/kinds";
import { armId, idOf, Resource, root, StackIndex } from "./index";
import { Node } from "../core/node";
import { known, knownItems, Targets, text } from "./links";
import { UNKNOWN } from "../core/known";

const nativeVnet = virtualNetwork.kinds[0];
const nativeSubnet = subnet.kinds[0];
const nativeRouteTable = routeTable.kinds[0];

/** A subnet of the stack: a Subnet resource, or an entry of a VirtualNetwork's inline `subnets[]`. */
export interface SubnetRef {
    key: string;
    r: Resource;
    entry?: Node;
}

export class Subnets {
    private readonly subnets: Targets;
    private readonly vnets: Targets;

    constructor(readonly stack: StackIndex) {
        this.subnets = new Targets(stack.of(subnet));
        this.vnets = new Targets(stack.of(virtualNetwork));
    }

    get empty(): boolean {
        return this.subnets.list.length === 0 && this.vnets.list.length === 0;
    }

    private inline(vnet: Resource, name?: string): SubnetRef | undefined {
        const { items, unknown } = knownItems(known(root(vnet), "subnets"));
        // In preview a reference into a VirtualNetwork names no subnet: judge it only when there is one.
        const entry = name === undefined
            ? (items.length === 1 && unknown === 0 ? items[0] : undefined)
            : items.find(e => { const t = text(known(e, "name")); return typeof t === "string" && t.toLowerCase() === name; });
        return entry ? { key: `${vnet.urn}#${entry.path}`, r: vnet, entry } : undefined;
    }

    /** The subnets `from` points at through its top-level input `key` (values: subnet ID nodes under it). */
    resolve(from: Resource, key: string, values: readonly (Node | undefined)[]): SubnetRef[] {
        const out: SubnetRef[] = this.subnets.viaDeps(from, key).map(r => ({ key: r.urn, r }));
        if (values.some(v => v === undefined)) {
            for (const v of this.vnets.viaDeps(from, key)) {
                const ref = this.inline(v);
                if (ref) out.push(ref);
            }
        }
        for (const v of values) {
            const s = this.subnets.viaId(v);
            if (s) {
                if (!out.some(o => o.key === s.urn)) out.push({ key: s.urn, r: s });
                continue;
            }
            const vnet = this.vnets.viaId(v);
            const vid = vnet && idOf(vnet);
            const m = vid ? /^\/subnets\/([^/]+)$/.exec(armId(v!)!.slice(vid.length)) : null;
            const ref = vnet && m ? this.inline(vnet, m[1]) : undefined;
            if (ref && !out.some(o => o.key === ref.key)) out.push(ref);
        }
        return out;
    }
}

/** What a subnet's route table does with traffic to the internet. */
export type DefaultRoute =
    /** 0.0.0.0/0 goes to a virtual appliance (a firewall). */
    | "appliance"
    /** No route table, or none that sends 0.0.0.0/0 to an appliance. */
    | "none"
    /** Cannot be known during preview. */
    | typeof UNKNOWN;

/** Route tables of the stack and the separate Route resources that add to them. */
export class Routes {
    private readonly tables: Targets;
    private readonly routesOf = new Map<string, Resource[]>();

    constructor(readonly stack: StackIndex) {
        this.tables = new Targets(stack.of(routeTable));
        const byName = new Map<string, Resource>();
        for (const t of this.tables.list) {
            const n = text(known(root(t), nativeRouteTable.matches(t.type) ? "routeTableName" : "name"));
            if (n && n !== UNKNOWN) byName.set(n.toLowerCase(), t);
        }
        for (const r of stack.of(route)) {
            const table = this.tables.viaDeps(r, "routeTableName")[0]
                ?? (() => { const n = text(known(root(r), "routeTableName")); return n && n !== UNKNOWN ? byName.get(n.toLowerCase()) : undefined; })();
            if (table) this.routesOf.set(table.urn, [...(this.routesOf.get(table.urn) ?? []), r]);
        }
    }

    /** The route table the subnet uses: `routeTable.id` (native), `routeTableId` (classic inline), or a classic association. */
    tableOf(ref: SubnetRef): Resource | undefined | typeof UNKNOWN {
        const native = nativeVnet.matches(ref.r.type) || nativeSubnet.matches(ref.r.type);
        if (ref.entry) {
            const id = known(ref.entry, native ? "routeTable.id" : "routeTableId");
            if (id === undefined) {
                const fed = this.tables.viaDeps(ref.r, "subnets");
                return fed.length === 1 ? fed[0] : UNKNOWN;
            }
            return id.present ? this.tables.viaId(id) ?? UNKNOWN : undefined;
        }
        if (native) {
            const fed = this.tables.viaDeps(ref.r, "routeTable");
            if (fed.length > 0) return fed[0];
            const id = known(root(ref.r), "routeTable.id");
            if (id === undefined) return UNKNOWN;
            return id.present ? this.tables.viaId(id) ?? UNKNOWN : undefined;
        }
        for (const a of this.stack.of(subnetRouteTableAssociation)) {
            const s = new Targets([ref.r]).linked(a, "subnetId", [known(root(a), "subnetId")]);
            if (s.length > 0) {
                return this.tables.linked(a, "routeTableId", [known(root(a), "routeTableId")])[0] ?? UNKNOWN;
            }
        }
        return undefined;
    }

    /** Whether the subnet's route table sends 0.0.0.0/0 to a virtual appliance. */
    defaultRoute(ref: SubnetRef): DefaultRoute {
        const table = this.tableOf(ref);
        if (table === UNKNOWN) return UNKNOWN;
        if (table === undefined) return "none";
        const entries = [...knownItems(known(root(table), "routes")).items, ...(this.routesOf.get(table.urn) ?? []).map(r => root(r))];
        let unknown = known(root(table), "routes") === undefined;
        for (const e of entries) {
            const prefix = text(known(e, "addressPrefix"));
            const hop = text(known(e, "nextHopType"));
            if (prefix === UNKNOWN || hop === UNKNOWN) {
                unknown = true;
                continue;
            }
            if (prefix === "0.0.0.0/0" && hop?.toLowerCase() === "virtualappliance") return "appliance";
        }
        return unknown ? UNKNOWN : "none";
    }
}
