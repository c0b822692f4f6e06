import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-baseline-privileged";
import { container, CRONJOB, ephemeralContainer, initContainer, POD, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = "set it to false or remove it.";

describe("k8s-pss-baseline-privileged", () => {
    workloadSuite(policy, {
        spec: podSpec({ containers: [container({ securityContext: { privileged: true } })] }),
        want: k => [`${k.spec}.containers[0] ("app") sets securityContext.privileged: true; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes privileged: false", spec: podSpec({ containers: [container({ securityContext: { privileged: false } })] }) },
        { name: "passes a container without securityContext", spec: podSpec({ containers: [{ name: "app", image: "nginx:1.27" }] }) },
        { name: "passes the string \"false\"", spec: podSpec({ containers: [container({ securityContext: { privileged: untyped("false") } })] }) },
        { name: "flags an init container", spec: podSpec({ initContainers: [initContainer({ securityContext: { privileged: true } })] }),
            want: [`${S}.initContainers[0] ("init") sets securityContext.privileged: true; ${FIX}`] },
        { name: "flags an ephemeral container", spec: podSpec({ ephemeralContainers: [ephemeralContainer({ securityContext: { privileged: true } })] }),
            want: [`${S}.ephemeralContainers[0] ("debug") sets securityContext.privileged: true; ${FIX}`] },
        { name: "reports each privileged container once, in order", spec: podSpec({
            containers: [container({ securityContext: { privileged: true } }), container({ name: "ok" }), container({ name: "side", securityContext: { privileged: untyped("true") } })],
            initContainers: [initContainer({ securityContext: { privileged: true } })],
        }), want: [
            `${S}.containers[0] ("app") sets securityContext.privileged: true; ${FIX}`,
            `${S}.containers[2] ("side") sets securityContext.privileged: "true"; ${FIX}`,
            `${S}.initContainers[0] ("init") sets securityContext.privileged: true; ${FIX}`,
        ] },
        { name: "names the CronJob's container by its full path", kind: CRONJOB, spec: podSpec({ containers: [container({ securityContext: { privileged: true } })] }),
            want: [`spec.jobTemplate.spec.template.spec.containers[0] ("app") sets securityContext.privileged: true; ${FIX}`] },
        // malformed
        { name: "flags a malformed flag, showing it", spec: podSpec({ containers: [container({ securityContext: { privileged: untyped("yes") } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.privileged: "yes"; ${FIX}`] },
        { name: "flags an object where a boolean is expected", spec: podSpec({ containers: [container({ securityContext: { privileged: untyped({ on: true }) } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.privileged: {"on":true}; ${FIX}`] },
        { name: "treats null as unset", spec: podSpec({ containers: [container({ securityContext: { privileged: null } })] }) },
        { name: "ignores a securityContext that is not an object", spec: podSpec({ containers: [container({ securityContext: untyped("privileged") })] }) },
        { name: "ignores containers that are not a list", spec: podSpec({ containers: untyped({ app: { securityContext: { privileged: true } } }) }) },
        { name: "names a container without a name by its path", spec: podSpec({ containers: [container({ name: undefined, securityContext: { privileged: true } })] }),
            want: [`${S}.containers[0] sets securityContext.privileged: true; ${FIX}`] },
        { name: "checks nothing when the pod spec is absent", props: { metadata: { name: "app" } } },
        { name: "checks nothing when the Pod's spec is a string", kind: POD, props: { metadata: { name: "app" }, spec: "privileged" } },
        // secrets
        { name: "never prints a secret value", spec: podSpec({ containers: [container({ securityContext: { privileged: secret(true) } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.privileged: [secret]; ${FIX}`] },
        { name: "never prints a secret container name", spec: podSpec({ containers: [container({ name: secret("hunter2"), securityContext: { privileged: true } })] }),
            want: [`${S}.containers[0] sets securityContext.privileged: true; ${FIX}`] },
        // unknowns
        { name: "reports only the SDK's note when the flag is unknown at preview", spec: podSpec({ containers: [container({ securityContext: { privileged: unknown } })] }),
            unknown: unknownNote(`${S}.containers.0.securityContext.privileged`) },
        { name: "names a container whose name is unknown by its path, and still reports", spec: podSpec({ containers: [container({ name: unknown, securityContext: { privileged: true } })] }),
            want: [`${S}.containers[0] sets securityContext.privileged: true; ${FIX}`] },
        { name: "passes when an unrelated field is unknown", spec: podSpec({ containers: [container({ image: unknown })] }) },
    ]);
});
