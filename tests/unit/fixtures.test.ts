// The fixture builders are typed against the providers' input types (tests/fixtures/typed.ts):
// a misspelled key or a value of the wrong type does not compile; `untyped` is the one escape.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { managedCluster, nativePool } from "../fixtures/aks";
import { registry } from "../fixtures/azure";
import { container } from "../fixtures/k8s";
import { untyped } from "../fixtures/typed";
import { unknown } from "../harness";

describe("fixtures", () => {
    it("refuse what the provider's type refuses, at compile time", () => {
        // Each line below fails to compile without its marker (tsc reports an unused marker).
        // @ts-expect-error a misspelled key
        managedCluster({ enablePrivateClustr: true });
        // @ts-expect-error a string where the type says boolean
        nativePool({ enableEncryptionAtHost: "yes" });
        // @ts-expect-error an array where the type says an object
        registry({ sku: [{ name: "Premium" }] });
        // @ts-expect-error a number where the type says string
        container({ image: 7 });
    });

    it("take unknowns, null and untyped values anywhere, unchanged", () => {
        const odd = untyped({ enableHostEncryption: true });
        const pool = nativePool({ enableEncryptionAtHost: unknown, vnetSubnetID: null, kubeletConfig: odd });
        assert.equal(pool.enableEncryptionAtHost, unknown);
        assert.equal(pool.vnetSubnetID, null);
        assert.deepEqual(pool.kubeletConfig, { enableHostEncryption: true });
    });
});
