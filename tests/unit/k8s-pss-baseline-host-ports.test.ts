import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-baseline-host-ports";
import { container, ephemeralContainer, initContainer, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = "remove it (or set it to 0) and reach the container through a Service.";
const ports = (...p: unknown[]) => podSpec({ containers: [container({ ports: untyped(p) })] });

describe("k8s-pss-baseline-host-ports", () => {
    workloadSuite(policy, {
        spec: ports({ containerPort: 8080, hostPort: 8080 }),
        want: k => [`${k.spec}.containers[0] ("app") sets ports[0].hostPort: 8080; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes container ports without hostPort", spec: ports({ containerPort: 8080 }, { containerPort: 9090, protocol: "UDP" }) },
        { name: "passes hostPort 0", spec: ports({ containerPort: 8080, hostPort: 0 }) },
        { name: "flags every host port, in order", spec: podSpec({
            containers: [container({ ports: [{ containerPort: 80, hostPort: 80 }, { containerPort: 81 }, { containerPort: 443, hostPort: 443 }] })],
            initContainers: [initContainer({ ports: [{ containerPort: 9000, hostPort: 9000 }] })],
            ephemeralContainers: [ephemeralContainer({ ports: [{ containerPort: 9001, hostPort: 9001 }] })],
        }), want: [
            `${S}.containers[0] ("app") sets ports[0].hostPort: 80; ${FIX}`,
            `${S}.containers[0] ("app") sets ports[2].hostPort: 443; ${FIX}`,
            `${S}.initContainers[0] ("init") sets ports[0].hostPort: 9000; ${FIX}`,
            `${S}.ephemeralContainers[0] ("debug") sets ports[0].hostPort: 9001; ${FIX}`,
        ] },
        // allowedHostPorts
        { name: "passes a host port on the allow-list", config: { allowedHostPorts: [80, 443] }, spec: ports({ containerPort: 80, hostPort: 80 }) },
        { name: "flags a host port off the allow-list, naming the allowed ones", config: { allowedHostPorts: [80, 443] }, spec: ports({ containerPort: 80, hostPort: 8080 }),
            want: [`${S}.containers[0] ("app") sets ports[0].hostPort: 8080; remove it (or set it to 0) and use a Service, or use one of the allowed host ports [80,443].`] },
        { name: "ignores non-numeric allow-list entries", config: { allowedHostPorts: ["80", 443] }, spec: ports({ containerPort: 80, hostPort: 80 }),
            want: ["The policy configuration sets allowedHostPorts[0]: \"80\" (write an integer from 1 to 65535 there); until it is fixed, the policy ignores allowedHostPorts[0].", `${S}.containers[0] ("app") sets ports[0].hostPort: 80; remove it (or set it to 0) and use a Service, or use one of the allowed host ports [443].`] },
        { name: "treats an allow-list that is not an array as empty", config: { allowedHostPorts: 80 }, spec: ports({ containerPort: 80, hostPort: 80 }),
            want: ["The policy configuration sets allowedHostPorts: 80 (write a list of integers from 1 to 65535 there); until it is fixed, the policy uses the default for allowedHostPorts ([]).", `${S}.containers[0] ("app") sets ports[0].hostPort: 80; ${FIX}`] },
        // malformed
        { name: "flags a string port (not a number, not 0)", spec: ports({ containerPort: 80, hostPort: "80" }), want: [`${S}.containers[0] ("app") sets ports[0].hostPort: "80"; ${FIX}`] },
        { name: "flags a string port even when the number is allowed", config: { allowedHostPorts: [80] }, spec: ports({ containerPort: 80, hostPort: "80" }),
            want: [`${S}.containers[0] ("app") sets ports[0].hostPort: "80"; remove it (or set it to 0) and use a Service, or use one of the allowed host ports [80].`] },
        { name: "treats hostPort: null as unset", spec: ports({ containerPort: 80, hostPort: null }) },
        { name: "ignores ports that are not a list", spec: podSpec({ containers: [container({ ports: untyped({ containerPort: 80, hostPort: 80 }) })] }) },
        { name: "ignores a port entry that is not an object", spec: ports(80) },
        // secrets and unknowns
        { name: "never prints a secret port", spec: ports({ containerPort: 80, hostPort: secret(80) }), want: [`${S}.containers[0] ("app") sets ports[0].hostPort: [secret]; ${FIX}`] },
        { name: "reports only the SDK's note when a host port is unknown at preview", spec: ports({ containerPort: 80, hostPort: unknown }),
            unknown: unknownNote(`${S}.containers.0.ports.0.hostPort`) },
    ]);
});
