// Network security rules, wherever they are declared: inline in a network security group
// (azure-native `NetworkSecurityGroup.securityRules[]`, classic `NetworkSecurityGroup.securityRules[]`)
// or as their own resource (azure-native `SecurityRule`, classic `NetworkSecurityRule`).
//
// azure-native flattens each rule's ARM `properties` into the rule object, so both providers
// use the same field names: `direction`, `access`, `protocol`, `sourceAddressPrefix(es)`,
// `destinationPortRange(s)`.

import { anyOf, networkSecurityGroup, securityRule } from "../core/kinds";
import { prefixLength } from "../core/cidr";
import { Node, printable } from "../core/node";
import { ByProvider } from "./setting";

/** NSGs (for their inline rules) and standalone rules, either provider. */
export const nsgOrRule = anyOf("network security group and security rule", networkSecurityGroup, securityRule);

const nativeNsg = networkSecurityGroup.kinds[0];
const nativeRule = securityRule.kinds[0];

export class RuleView {
    private constructor(
        readonly provider: "azure-native" | "azure",
        /** The rule's own object (an NSG's array element, or the resource's props). */
        readonly root: Node,
        /** True for a separate SecurityRule / NetworkSecurityRule resource. */
        readonly separate: boolean,
    ) {}

    /** Every rule a resource declares: an NSG's inline `securityRules[]`, or a rule resource itself. */
    static read(type: string, props: unknown): RuleView[] {
        if (networkSecurityGroup.matches(type)) {
            const provider = nativeNsg.matches(type) ? "azure-native" : "azure";
            return Node.root(props).get("securityRules").items().map(n => new RuleView(provider, n, false));
        }
        if (securityRule.matches(type)) {
            return [new RuleView(nativeRule.matches(type) ? "azure-native" : "azure", Node.root(props), true)];
        }
        return [];
    }

    get native(): boolean {
        return this.provider === "azure-native";
    }

    /** The text for the user's provider: remediations name the provider's own types and blocks. */
    spell<T>(t: ByProvider<T>): T {
        return this.native ? t.native : t.classic;
    }

    /**
     * The rule's name, if it is a known, non-secret string (safe to print): `name`; a separate
     * azure-native SecurityRule is named by `securityRuleName` (else `name`).
     */
    name(): string | undefined {
        if (this.native && this.separate) {
            return printable(this.root.get("securityRuleName")) ?? printable(this.root.get("name"));
        }
        return printable(this.root.get("name"));
    }

    /** How a message names the rule: `securityRules[1] ("ssh")`, or `Security rule "ssh"` for a separate resource. */
    label(): string {
        const n = this.name();
        if (this.separate) {
            return n !== undefined ? `Security rule ${JSON.stringify(n)}` : "The security rule";
        }
        return n !== undefined ? `${this.root.path} (${JSON.stringify(n)})` : this.root.path;
    }

    /** `direction`: Inbound | Outbound. */
    direction(): Node {
        return this.root.get("direction");
    }

    /** `access`: Allow | Deny. */
    access(): Node {
        return this.root.get("access");
    }

    /** `protocol`: Tcp | Udp | Icmp | Esp | Ah | `*`. */
    protocol(): Node {
        return this.root.get("protocol");
    }

    /** The source prefixes: `sourceAddressPrefix` (when set) and each `sourceAddressPrefixes[i]`. */
    sources(): Node[] {
        const one = this.root.get("sourceAddressPrefix");
        return [...(one.present ? [one] : []), ...this.root.get("sourceAddressPrefixes").items()];
    }

    /** The destination ports: `destinationPortRange` (when set) and each `destinationPortRanges[i]`. */
    destinationPorts(): Node[] {
        const one = this.root.get("destinationPortRange");
        return [...(one.present ? [one] : []), ...this.root.get("destinationPortRanges").items()];
    }
}

const ANY_SOURCE = new Set(["*", "0.0.0.0/0", "::/0", "internet", "any"]);

/** A source prefix that admits the whole internet: `*`, `Internet`, `Any`, or any `/0` range (case-insensitive). */
export function isInternetSource(n: Node): boolean {
    const s = n.str();
    if (s === undefined) {
        return false;
    }
    const t = s.trim().toLowerCase();
    return ANY_SOURCE.has(t) || prefixLength(t) === 0;
}

/**
 * The ports a destination port entry covers, as an inclusive range: `*` (every port), `22`,
 * `20-30` (a number is read as that port). Undefined for anything else (malformed).
 */
export function portSpan(n: Node): [number, number] | undefined {
    const v = n.raw;
    if (typeof v === "number") {
        return Number.isInteger(v) && v >= 0 && v <= 65535 ? [v, v] : undefined;
    }
    if (typeof v !== "string") {
        return undefined;
    }
    const s = v.trim();
    if (s === "*") {
        return [0, 65535];
    }
    const m = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(s);
    if (!m) {
        return undefined;
    }
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    return lo <= hi && hi <= 65535 ? [lo, hi] : undefined;
}
