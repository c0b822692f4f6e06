// Two small adjustments to how @pulumi/policy hands properties to policies, installed
// once when the pack loads:
//
// 1. The SDK deserializes a resource's properties again for every policy (it calls
//    deserializeProperties inside its per-policy loop). With dozens of policies that is most
//    of the pack's per-resource cost. Validation never mutates props, so the result is
//    memoized per request object; each policy still gets its own unknown-checking proxy.
// 2. Validation sees secrets unwrapped. While deserializing, the slots that held a secret are
//    recorded (lib/core/secrets.ts) so that messages never print a secret's value.
//
// 3. AnalyzeStack requests are decoded one resource at a time, each resource's property Struct
//    converted to plain JavaScript as it is read (lib/serve/stack-request.ts): the protobuf form of
//    every Struct of a big stack at once is most of the memory AnalyzeStack needs.
//
// 4. One pass per resource (lib/serve/fast-path.ts): Analyze, Remediate and AnalyzeStack are served by
//    the SDK's own loop, except that a policy whose wiring declared its answer for a type token
//    is answered without being called, and AnalyzeStack builds its resource list once; with it
//    the pack's own protobuf codec (lib/serve/wire.ts: Analyze, Remediate and Configure requests read
//    straight to plain values, not-applicable entries' bytes kept; lib/serve/wire-info.ts: the
//    GetAnalyzerInfo answer's bytes), the generated code's bytes exactly.
//
// Remediation (proxySecrets = true) is left as the SDK does it, except for secrets that
// `pulumi policy analyze` could not decrypt (lib/core/secrets.ts).

import { recordSecrets, withoutRedacted } from "../core/secrets";
import { installFastPath } from "./fast-path";
import { installStackRequestDecoder } from "./stack-request";

type Deserialize = (struct: { toJavaScript(): unknown }, proxySecrets: boolean) => Record<string, unknown>;

let installed = false;

export function installSdkAdjustments(): void {
    if (installed) {
        return;
    }
    installed = true;
    installStackRequestDecoder();
    installFastPath();
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mod = require("@pulumi/policy/deserialize") as { deserializeProperties: Deserialize };
    const original = mod.deserializeProperties;
    if (typeof original !== "function") {
        return;
    }
    const memo = new WeakMap<object, Record<string, unknown>>();
    mod.deserializeProperties = function (struct, proxySecrets) {
        if (typeof struct !== "object" || struct === null) {
            return original(struct, proxySecrets);
        }
        if (proxySecrets) {
            // Remediation: as the SDK does it, except that secrets `pulumi policy analyze` could
            // not decrypt ("[secret]") arrive as unknowns, so no remediation "fixes" a placeholder.
            const js = struct.toJavaScript();
            const cleaned = withoutRedacted(js);
            return original(cleaned === js ? struct : { toJavaScript: () => cleaned }, true);
        }
        let out = memo.get(struct);
        if (!out) {
            // Convert the Struct once; the SDK's deserializer only calls toJavaScript().
            const js = struct.toJavaScript();
            out = original({ toJavaScript: () => js }, false);
            recordSecrets(js, out);
            memo.set(struct, out);
        }
        return out;
    };

    // The SDK wraps the same (memoized) props in a new unknown-checking proxy for every policy;
    // the proxy holds no state, so one per props object serves them all.
    const proxyMod = require("@pulumi/policy/proxy") as { unknownCheckingProxy: (o: unknown) => unknown };
    const makeProxy = proxyMod.unknownCheckingProxy;
    if (typeof makeProxy === "function") {
        const proxies = new WeakMap<object, unknown>();
        proxyMod.unknownCheckingProxy = (o: unknown) => {
            if (typeof o !== "object" || o === null) {
                return makeProxy(o);
            }
            let p = proxies.get(o);
            if (p === undefined) {
                p = makeProxy(o);
                proxies.set(o, p);
            }
            return p;
        };
    }
}
