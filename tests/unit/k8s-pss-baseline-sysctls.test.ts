import { describe } from "node:test";
import { policy, SAFE_SYSCTLS } from "../../policies/pod-security/k8s-pss-baseline-sysctls";
import { POD, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = `remove it: baseline allows only ${SAFE_SYSCTLS.join(", ")}.`;
const sysctls = (...s: unknown[]) => podSpec({ securityContext: { runAsNonRoot: true, sysctls: untyped(s) } });

describe("k8s-pss-baseline-sysctls", () => {
    workloadSuite(policy, {
        spec: sysctls({ name: "net.ipv4.ip_local_port_range", value: "1024 65535" }, { name: "kernel.msgmax", value: "65536" }),
        want: k => [`${k.spec} sets securityContext.sysctls[1].name: "kernel.msgmax"; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes every safe sysctl of policy v1.35", spec: sysctls(...SAFE_SYSCTLS.map(name => ({ name, value: "1" }))) },
        { name: "passes tcp_rmem / tcp_wmem (safe since v1.32)", spec: sysctls({ name: "net.ipv4.tcp_rmem", value: "4096 87380 16777216" }, { name: "net.ipv4.tcp_wmem", value: "4096 65536 16777216" }) },
        { name: "flags an unsafe sysctl on a Pod", kind: POD, spec: sysctls({ name: "othersysctl", value: "other" }), want: [`spec sets securityContext.sysctls[0].name: "othersysctl"; ${FIX}`] },
        { name: "flags sysctls not yet safe at v1.35", spec: sysctls({ name: "net.ipv4.tcp_slow_start_after_idle", value: "0" }),
            want: [`${S} sets securityContext.sysctls[0].name: "net.ipv4.tcp_slow_start_after_idle"; ${FIX}`] },
        { name: "flags the slash spelling, as the reference does", spec: sysctls({ name: "net/ipv4/tcp_syncookies", value: "1" }),
            want: [`${S} sets securityContext.sysctls[0].name: "net/ipv4/tcp_syncookies"; ${FIX}`] },
        { name: "flags an entry without a name", spec: sysctls({ value: "1" }), want: [`${S} does not set securityContext.sysctls[0].name; ${FIX}`] },
        { name: "flags a non-string name", spec: sysctls({ name: 5 }), want: [`${S} sets securityContext.sysctls[0].name: 5; ${FIX}`] },
        { name: "ignores sysctls that are not a list", spec: podSpec({ securityContext: { sysctls: untyped({ "kernel.msgmax": "1" }) } }) },
        { name: "never prints a secret name", spec: sysctls({ name: secret("kernel.msgmax") }), want: [`${S} sets securityContext.sysctls[0].name: [secret]; ${FIX}`] },
        { name: "passes an unknown value of a safe sysctl", spec: sysctls({ name: "net.ipv4.tcp_syncookies", value: unknown }) },
        { name: "reports only the SDK's note when a name is unknown at preview", spec: sysctls({ name: unknown }), unknown: unknownNote(`${S}.securityContext.sysctls.0.name`) },
    ]);
});
