import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/nsg-management-ports-restricted";
import {
    AZ, classicNetworkSecurityRule, classicNsg, classicRule, NATIVE_NSG_TYPES, NATIVE_RULE_TYPES, nativeRule, nsg, securityRule,
} from "../fixtures/azure";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "restrict the source to the address ranges that need access (use Azure Bastion for SSH and RDP), or set access to \"Deny\".";
const ALL = "ports 22, 80, 3389, 6443, 10250, 10255";
const UDP = (protocol: string, label = "securityRules[0] (\"ssh-admin\")", source = "sourceAddressPrefix: \"*\"") =>
    `${label} allows inbound UDP traffic from the internet (${source}, protocol: ${JSON.stringify(protocol)}); set protocol to "Tcp" or restrict the source to the address ranges that need access.`;

/** An NSG whose only inline rule is `nativeRule(over)`. */
function one(over: Record<string, unknown>) {
    return nsg({ securityRules: [nativeRule(over)] });
}
/** The message for inline rule 0 ("ssh-admin"). */
function msg(source: string, ports: string, label = "securityRules[0] (\"ssh-admin\")") {
    return `${label} allows inbound traffic from the internet (${source}) to ${ports}; ${FIX}`;
}
const SSH = "destinationPortRange: \"22\" (port 22)";

describe("nsg-management-ports-restricted", () => {
    for (const type of NATIVE_NSG_TYPES) {
        describe(type, () => {
            it("passes an NSG that opens SSH to one admin range", () => {
                assert.deepEqual(validate(policy, type, nsg()).violations, []);
            });
            it("fails an inline rule that opens SSH to every source", () => {
                assert.deepEqual(validate(policy, type, one({ sourceAddressPrefix: "*" })).violations, [msg("sourceAddressPrefix: \"*\"", SSH)]);
            });
        });
    }
    for (const type of NATIVE_RULE_TYPES) {
        describe(type, () => {
            it("passes a SecurityRule that opens SSH to one admin range", () => {
                assert.deepEqual(validate(policy, type, securityRule()).violations, []);
            });
            it("fails a SecurityRule that opens SSH to the Internet tag", () => {
                assert.deepEqual(validate(policy, type, securityRule({ sourceAddressPrefix: "Internet" })).violations,
                    [msg("sourceAddressPrefix: \"Internet\"", SSH, "Security rule \"ssh-admin\"")]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        // sources
        { name: "fails 0.0.0.0/0", props: one({ sourceAddressPrefix: "0.0.0.0/0" }), want: [msg("sourceAddressPrefix: \"0.0.0.0/0\"", SSH)] },
        { name: "fails ::/0", props: one({ sourceAddressPrefix: "::/0" }), want: [msg("sourceAddressPrefix: \"::/0\"", SSH)] },
        { name: "fails Any", props: one({ sourceAddressPrefix: "Any" }), want: [msg("sourceAddressPrefix: \"Any\"", SSH)] },
        { name: "compares service tags case-insensitively", props: one({ sourceAddressPrefix: "INTERNET" }), want: [msg("sourceAddressPrefix: \"INTERNET\"", SSH)] },
        { name: "fails any /0 range, whatever its base address", props: one({ sourceAddressPrefix: "10.0.0.0/0" }), want: [msg("sourceAddressPrefix: \"10.0.0.0/0\"", SSH)] },
        { name: "fails an open source among sourceAddressPrefixes", props: one({ sourceAddressPrefix: undefined, sourceAddressPrefixes: ["10.0.0.0/8", " * "] }),
            want: [msg("sourceAddressPrefixes[1]: \" * \"", SSH)] },
        { name: "passes specific sources", props: one({ sourceAddressPrefix: undefined, sourceAddressPrefixes: ["10.0.0.0/8", "203.0.113.7", "2001:db8::/32"] }), want: [] },
        { name: "passes service tags other than Internet", props: one({ sourceAddressPrefix: "VirtualNetwork" }), want: [] },
        { name: "passes a rule with no source prefix (application security groups)", props: one({ sourceAddressPrefix: undefined, sourceApplicationSecurityGroups: [{ id: "asg" }] }), want: [] },
        { name: "ignores non-string sources", props: one({ sourceAddressPrefix: undefined, sourceAddressPrefixes: [0, null, { prefix: "*" }] }), want: [] },
        { name: "ignores sourceAddressPrefixes that is not an array", props: one({ sourceAddressPrefix: undefined, sourceAddressPrefixes: { a: "*" } }), want: [] },
        // ports
        { name: "names every default port a * range opens", props: one({ sourceAddressPrefix: "*", destinationPortRange: "*" }), want: [msg("sourceAddressPrefix: \"*\"", `destinationPortRange: "*" (${ALL})`)] },
        { name: "fails a range that covers SSH", props: one({ sourceAddressPrefix: "*", destinationPortRange: "20-30" }), want: [msg("sourceAddressPrefix: \"*\"", "destinationPortRange: \"20-30\" (port 22)")] },
        { name: "names every port a wide range covers", props: one({ sourceAddressPrefix: "*", destinationPortRange: "3000-11000" }),
            want: [msg("sourceAddressPrefix: \"*\"", "destinationPortRange: \"3000-11000\" (ports 3389, 6443, 10250, 10255)")] },
        { name: "fails an entry of destinationPortRanges", props: one({ sourceAddressPrefix: "*", destinationPortRange: undefined, destinationPortRanges: ["80", "443", "3389"] }),
            want: [msg("sourceAddressPrefix: \"*\"", "destinationPortRanges[0]: \"80\" (port 80), destinationPortRanges[2]: \"3389\" (port 3389)")] },
        { name: "names each port once, at the first entry that opens it", props: one({ sourceAddressPrefix: "*", destinationPortRange: undefined, destinationPortRanges: ["22", "20-30", "6443"] }),
            want: [msg("sourceAddressPrefix: \"*\"", "destinationPortRanges[0]: \"22\" (port 22), destinationPortRanges[2]: \"6443\" (port 6443)")] },
        { name: "passes HTTPS open to the internet", props: one({ sourceAddressPrefix: "*", destinationPortRange: undefined, destinationPortRanges: ["443", "8443"] }), want: [] },
        { name: "fails plain HTTP open to the internet", props: one({ sourceAddressPrefix: "Internet", destinationPortRange: "80" }),
            want: [msg("sourceAddressPrefix: \"Internet\"", "destinationPortRange: \"80\" (port 80)")] },
        { name: "passes plain HTTP when the ports setting leaves it out", config: { ports: [22, 3389] }, props: one({ sourceAddressPrefix: "*", destinationPortRange: "80" }), want: [] },
        { name: "passes a range next to but outside a management port", props: one({ sourceAddressPrefix: "*", destinationPortRange: "23-79" }), want: [] },
        { name: "reads a number where a port string is expected", props: one({ sourceAddressPrefix: "*", destinationPortRange: 10250 }),
            want: [msg("sourceAddressPrefix: \"*\"", "destinationPortRange: 10250 (port 10250)")] },
        { name: "tolerates spaces in a port range", props: one({ sourceAddressPrefix: "*", destinationPortRange: " 20 - 30 " }),
            want: [msg("sourceAddressPrefix: \"*\"", "destinationPortRange: \" 20 - 30 \" (port 22)")] },
        { name: "ignores port entries that are not ports or ranges", props: one({ sourceAddressPrefix: "*", destinationPortRange: undefined, destinationPortRanges: ["ssh", "30-20", "70000", "", null, ["22"]] }), want: [] },
        { name: "ignores destinationPortRanges that is not an array", props: one({ sourceAddressPrefix: "*", destinationPortRange: undefined, destinationPortRanges: { a: "22" } }), want: [] },
        // direction, access, protocol
        { name: "passes an outbound rule", props: one({ sourceAddressPrefix: "*", direction: "Outbound" }), want: [] },
        { name: "passes a deny rule", props: one({ sourceAddressPrefix: "*", access: "Deny" }), want: [] },
        { name: "compares direction and access case-insensitively", props: one({ sourceAddressPrefix: "*", direction: "inbound", access: "ALLOW" }), want: [msg("sourceAddressPrefix: \"*\"", SSH)] },
        { name: "passes a rule without direction or access (not an allow rule)", props: one({ sourceAddressPrefix: "*", direction: undefined, access: undefined }), want: [] },
        { name: "passes an ICMP rule (no ports)", props: one({ sourceAddressPrefix: "*", protocol: "ICMP", destinationPortRange: "*" }), want: [] },
        { name: "fails a UDP rule (RDP also listens on UDP 3389)", props: one({ sourceAddressPrefix: "*", protocol: "Udp", destinationPortRange: "3389" }),
            want: [msg("sourceAddressPrefix: \"*\"", "destinationPortRange: \"3389\" (port 3389)"), UDP("Udp")] },
        { name: "fails a rule for every protocol on a management port and for UDP", props: one({ sourceAddressPrefix: "*", protocol: "*" }), want: [msg("sourceAddressPrefix: \"*\"", SSH), UDP("*")] },
        { name: "fails UDP to any port from the internet", props: one({ sourceAddressPrefix: "0.0.0.0/0", protocol: "udp", destinationPortRange: "53" }),
            want: [UDP("udp", undefined, "sourceAddressPrefix: \"0.0.0.0/0\"")] },
        { name: "passes UDP from the internet with udpFromInternet", config: { udpFromInternet: true }, props: one({ sourceAddressPrefix: "*", protocol: "Udp", destinationPortRange: "53" }), want: [] },
        { name: "passes UDP from a specific range", props: one({ protocol: "Udp", destinationPortRange: "53" }), want: [] },
        { name: "passes a UDP rule that denies", props: one({ sourceAddressPrefix: "*", protocol: "Udp", access: "Deny", destinationPortRange: "53" }), want: [] },
        { name: "classic: fails UDP from the internet", props: classicNsg({ securityRules: [classicRule({ sourceAddressPrefix: "*", protocol: "Udp", destinationPortRange: "500" })] }),
            type: "azure:network/networkSecurityGroup:NetworkSecurityGroup", want: [UDP("Udp", "securityRules[0] (\"ssh-admin\")")] },
        { name: "checks a rule whose protocol is missing or malformed", props: one({ sourceAddressPrefix: "*", protocol: 6 }), want: [msg("sourceAddressPrefix: \"*\"", SSH)] },
        // several rules, names
        { name: "reports every offending rule once, in order", props: nsg({ securityRules: [
            nativeRule({ name: "rdp", sourceAddressPrefix: "*", destinationPortRange: "3389" }),
            nativeRule(),
            nativeRule({ name: "kubelet", sourceAddressPrefix: "Internet", destinationPortRange: undefined, destinationPortRanges: ["10250-10255"] }),
        ] }), want: [
            msg("sourceAddressPrefix: \"*\"", "destinationPortRange: \"3389\" (port 3389)", "securityRules[0] (\"rdp\")"),
            msg("sourceAddressPrefix: \"Internet\"", "destinationPortRanges[0]: \"10250-10255\" (ports 10250, 10255)", "securityRules[2] (\"kubelet\")"),
        ] },
        { name: "names an inline rule without a name by its index only", props: one({ name: undefined, sourceAddressPrefix: "*" }), want: [msg("sourceAddressPrefix: \"*\"", SSH, "securityRules[0]")] },
        { name: "names an inline rule whose name is not a string by its index only", props: one({ name: 7, sourceAddressPrefix: "*" }), want: [msg("sourceAddressPrefix: \"*\"", SSH, "securityRules[0]")] },
        { name: "checks nothing for an NSG without rules", props: nsg({ securityRules: undefined }), want: [] },
        { name: "checks nothing when securityRules is not an array", props: nsg({ securityRules: untyped({ name: "x", direction: "Inbound", access: "Allow", sourceAddressPrefix: "*", destinationPortRange: "22" }) }), want: [] },
        { name: "skips rule elements that are not objects", props: nsg({ securityRules: [untyped("allow-all"), null, nativeRule()] }), want: [] },
        // secrets
        { name: "never prints a secret source, and still reports", props: one({ sourceAddressPrefix: secret("*") }), want: [msg("sourceAddressPrefix: [secret]", SSH)] },
        { name: "never prints a secret port, nor the ports it opens", props: one({ sourceAddressPrefix: "*", destinationPortRange: secret("22") }),
            want: [msg("sourceAddressPrefix: \"*\"", "destinationPortRange: [secret] (a management port)")] },
        { name: "never prints the name of a rule held in a secret", props: nsg({ securityRules: [secret(nativeRule({ name: "hunter2", sourceAddressPrefix: "*" }))] }),
            want: [msg("sourceAddressPrefix: [secret]", "destinationPortRange: [secret] (a management port)", "securityRules[0]")] },
        // config
        { name: "takes the ports from config", config: { ports: [8080] }, props: nsg({ securityRules: [nativeRule({ sourceAddressPrefix: "*" }), nativeRule({ name: "web", sourceAddressPrefix: "*", destinationPortRange: "8000-8100" })] }),
            want: [msg("sourceAddressPrefix: \"*\"", "destinationPortRange: \"8000-8100\" (port 8080)", "securityRules[1] (\"web\")")] },
        { name: "ignores non-integer config entries", config: { ports: ["22", 22.5, 3389] }, props: one({ sourceAddressPrefix: "*", destinationPortRange: "*" }),
            want: ["The policy configuration sets ports[0]: \"22\" (write an integer from 0 to 65535 there) and sets ports[1]: 22.5 (write an integer from 0 to 65535 there); until it is fixed, the policy ignores ports[0] and ports[1].", msg("sourceAddressPrefix: \"*\"", "destinationPortRange: \"*\" (port 3389)")] },
        { name: "falls back to the default ports when config is not an array", config: { ports: 22 }, props: one({ sourceAddressPrefix: "*", destinationPortRange: "*" }),
            want: ["The policy configuration sets ports: 22 (write a list of integers from 0 to 65535 there, e.g. [22,80,3389,6443,10250,10255]); until it is fixed, the policy uses the default for ports ([22,80,3389,6443,10250,10255]).", msg("sourceAddressPrefix: \"*\"", `destinationPortRange: "*" (${ALL})`)] },
        // separate azure-native SecurityRule
        { name: "SecurityRule: falls back to name when securityRuleName is absent", type: AZ.securityRule, props: securityRule({ securityRuleName: undefined, name: "ssh", sourceAddressPrefix: "*" }),
            want: [msg("sourceAddressPrefix: \"*\"", SSH, "Security rule \"ssh\"")] },
        { name: "SecurityRule: names a rule without a name generically", type: AZ.securityRule, props: securityRule({ securityRuleName: undefined, sourceAddressPrefix: "*" }),
            want: [msg("sourceAddressPrefix: \"*\"", SSH, "The security rule")] },
        { name: "SecurityRule: never prints a secret name", type: AZ.securityRule, props: securityRule({ securityRuleName: secret("hunter2"), sourceAddressPrefix: "*" }),
            want: [msg("sourceAddressPrefix: \"*\"", SSH, "The security rule")] },
        { name: "SecurityRule: fails destinationPortRanges", type: AZ.securityRule, props: securityRule({ sourceAddressPrefix: "*", destinationPortRange: undefined, destinationPortRanges: ["443", "6443"] }),
            want: [msg("sourceAddressPrefix: \"*\"", "destinationPortRanges[1]: \"6443\" (port 6443)", "Security rule \"ssh-admin\"")] },
        { name: "SecurityRule: passes an outbound rule", type: AZ.securityRule, props: securityRule({ sourceAddressPrefix: "*", direction: "Outbound" }), want: [] },
        // classic
        { name: "classic NSG: passes a rule from one admin range", type: AZ.classicNsg, props: classicNsg(), want: [] },
        { name: "classic NSG: fails an inline rule open to the internet", type: AZ.classicNsg, props: classicNsg({ securityRules: [classicRule({ sourceAddressPrefix: "*" })] }),
            want: [msg("sourceAddressPrefix: \"*\"", SSH)] },
        { name: "classic NSG: fails sourceAddressPrefixes and destinationPortRanges", type: AZ.classicNsg,
            props: classicNsg({ securityRules: [classicRule({ name: "rdp", sourceAddressPrefix: undefined, sourceAddressPrefixes: ["0.0.0.0/0"], destinationPortRange: undefined, destinationPortRanges: ["3389"] })] }),
            want: [msg("sourceAddressPrefixes[0]: \"0.0.0.0/0\"", "destinationPortRanges[0]: \"3389\" (port 3389)", "securityRules[0] (\"rdp\")")] },
        { name: "classic NSG: checks nothing without rules", type: AZ.classicNsg, props: classicNsg({ securityRules: [] }), want: [] },
        { name: "classic rule: passes a rule from one admin range", type: AZ.classicRule, props: classicNetworkSecurityRule(), want: [] },
        { name: "classic rule: fails a rule open to the internet", type: AZ.classicRule, props: classicNetworkSecurityRule({ sourceAddressPrefix: "Internet", destinationPortRange: "*" }),
            want: [msg("sourceAddressPrefix: \"Internet\"", `destinationPortRange: "*" (${ALL})`, "Security rule \"ssh-admin\"")] },
        { name: "classic rule: does not read securityRuleName", type: AZ.classicRule,
            props: { ...classicNetworkSecurityRule({ name: undefined, sourceAddressPrefix: "*" }), securityRuleName: "other" },
            want: [msg("sourceAddressPrefix: \"*\"", SSH, "The security rule")] },
    ];
    violationCases(policy, AZ.nsg, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the whole securityRules list", props: nsg({ securityRules: unknown }), note: "string value at .securityRules can't be known during preview" },
        { name: "an inline rule", props: nsg({ securityRules: [unknown] }), note: "string value at .securityRules.0 can't be known during preview" },
        { name: "a rule's direction", props: one({ direction: unknown }), note: "string value at .securityRules.0.direction can't be known during preview" },
        { name: "a rule's source", props: one({ sourceAddressPrefix: unknown }), note: "string value at .securityRules.0.sourceAddressPrefix can't be known during preview" },
        { name: "a rule's port", props: one({ sourceAddressPrefix: "*", destinationPortRange: unknown }), note: "string value at .securityRules.0.destinationPortRange can't be known during preview" },
        { name: "a SecurityRule's source", type: AZ.securityRule, props: securityRule({ sourceAddressPrefix: unknown }), note: "string value at .sourceAddressPrefix can't be known during preview" },
        { name: "a classic rule's access", type: AZ.classicRule, props: classicNetworkSecurityRule({ access: unknown }), note: "string value at .access can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? AZ.nsg, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }
    it("names a rule by its path when its name is unknown at preview, and still reports", () => {
        const out = validate(policy, AZ.nsg, one({ name: unknown, sourceAddressPrefix: "*" }));
        assert.deepEqual(out.violations, [msg("sourceAddressPrefix: \"*\"", SSH, "securityRules[0]")]);
        assert.equal(out.unknown, undefined);
    });
    it("does not read the source of a rule that is not an inbound allow rule", () => {
        const out = validate(policy, AZ.nsg, one({ access: "Deny", sourceAddressPrefix: unknown }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, undefined);
    });

    it("is mandatory and high: it exposes management ports to the internet", () => {
        assert.equal(policy.enforcementLevel, "mandatory");
        assert.equal(policy.severity, "high");
    });
});
