import { describe } from "node:test";
import { BASELINE_CAPABILITIES, policy } from "../../policies/pod-security/k8s-pss-baseline-capabilities";
import { container, ephemeralContainer, initContainer, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const REMOVE = `remove it: baseline allows adding only ${BASELINE_CAPABILITIES.join(", ")}.`;
const adds = (add: unknown) => podSpec({ containers: [container({ securityContext: { capabilities: { add: untyped(add) } } })] });

describe("k8s-pss-baseline-capabilities", () => {
    workloadSuite(policy, {
        spec: adds(["NET_RAW"]),
        want: k => [`${k.spec}.containers[0] ("app") sets securityContext.capabilities.add[0]: "NET_RAW"; ${REMOVE}`],
    });

    runCases(policy, [
        { name: "passes the whole default set", spec: adds([...BASELINE_CAPABILITIES]) },
        { name: "passes an empty add list", spec: adds([]) },
        { name: "passes capabilities without add", spec: podSpec({ containers: [container({ securityContext: { capabilities: { drop: ["ALL"] } } })] }) },
        { name: "flags SYS_ADMIN among allowed ones, by index", spec: adds(["CHOWN", "SYS_ADMIN", "KILL", "NET_ADMIN"]), want: [
            `${S}.containers[0] ("app") sets securityContext.capabilities.add[1]: "SYS_ADMIN"; ${REMOVE}`,
            `${S}.containers[0] ("app") sets securityContext.capabilities.add[3]: "NET_ADMIN"; ${REMOVE}`,
        ] },
        { name: "flags a lower-case name, as the reference does, with the spelling to use", spec: adds(["chown"]),
            want: [`${S}.containers[0] ("app") sets securityContext.capabilities.add[0]: "chown"; write it as "CHOWN" (upper case, without CAP_).`] },
        { name: "flags a CAP_ prefix, with the spelling to use", spec: adds(["CAP_CHOWN"]),
            want: [`${S}.containers[0] ("app") sets securityContext.capabilities.add[0]: "CAP_CHOWN"; write it as "CHOWN" (upper case, without CAP_).`] },
        { name: "flags ALL", spec: adds(["ALL"]), want: [`${S}.containers[0] ("app") sets securityContext.capabilities.add[0]: "ALL"; ${REMOVE}`] },
        { name: "flags an init container", spec: podSpec({ initContainers: [initContainer({ securityContext: { capabilities: { add: ["SYS_PTRACE"] } } })] }),
            want: [`${S}.initContainers[0] ("init") sets securityContext.capabilities.add[0]: "SYS_PTRACE"; ${REMOVE}`] },
        { name: "flags an ephemeral container", spec: podSpec({ ephemeralContainers: [ephemeralContainer({ securityContext: { capabilities: { add: ["SYS_PTRACE"] } } })] }),
            want: [`${S}.ephemeralContainers[0] ("debug") sets securityContext.capabilities.add[0]: "SYS_PTRACE"; ${REMOVE}`] },
        // malformed
        { name: "flags a string where the list is expected", spec: adds("NET_RAW"),
            want: [`${S}.containers[0] ("app") sets securityContext.capabilities.add: "NET_RAW"; set it to a list of capability names, or remove it.`] },
        { name: "flags a non-string element", spec: adds([7]), want: [`${S}.containers[0] ("app") sets securityContext.capabilities.add[0]: 7; ${REMOVE}`] },
        { name: "flags a null element", spec: adds([null]), want: [`${S}.containers[0] ("app") does not set securityContext.capabilities.add[0]; ${REMOVE}`] },
        { name: "treats null as no list", spec: adds(null) },
        // secrets and unknowns
        { name: "never prints a secret capability", spec: adds([secret("SYS_ADMIN")]),
            want: [`${S}.containers[0] ("app") sets securityContext.capabilities.add[0]: [secret]; ${REMOVE}`] },
        { name: "passes a secret allowed capability", spec: adds([secret("CHOWN")]) },
        { name: "reports only the SDK's note when an element is unknown at preview", spec: adds(["CHOWN", unknown]),
            unknown: unknownNote(`${S}.containers.0.securityContext.capabilities.add.1`) },
    ]);
});
