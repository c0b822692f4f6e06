import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/data-protection/acr-customer-managed-key-enabled";
import { AZ, classicRegistry, merge, NATIVE_REGISTRY_TYPES, registry } from "../fixtures/azure";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const PMK = "(the registry is encrypted with a Microsoft-managed key)";
const STATUS_FIX = "set it to \"enabled\" with keyVaultProperties.keyIdentifier set to a Key Vault key.";
const KEY_FIX = "set it to the ID of a Key Vault key.";
const V5_FIX = "set it to true with keyVaultKeyId set to a Key Vault key.";
const KEY = "https://kv.vault.azure.net/keys/acr/0123456789abcdef";

describe("acr-customer-managed-key-enabled", () => {
    for (const type of NATIVE_REGISTRY_TYPES) {
        describe(type, () => {
            it("passes a registry encrypted with a Key Vault key", () => {
                assert.deepEqual(validate(policy, type, registry()).violations, []);
            });
            it("fails a registry without encryption (Azure default: Microsoft-managed key)", () => {
                assert.deepEqual(validate(policy, type, registry({ encryption: undefined })).violations,
                    [`The registry does not set encryption.status ${PMK}; ${STATUS_FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "compares the status case-insensitively", props: registry({ encryption: { status: "Enabled" } }), want: [] },
        { name: "fails encryption.status: \"disabled\"", props: registry({ encryption: { status: "disabled" } }),
            want: [`The registry sets encryption.status: "disabled"; ${STATUS_FIX}`] },
        { name: "fails an encryption block without status", props: registry({ encryption: { status: undefined } }),
            want: [`The registry does not set encryption.status ${PMK}; ${STATUS_FIX}`] },
        { name: "fails a boolean status", props: registry({ encryption: { status: untyped(true) } }),
            want: [`The registry sets encryption.status: true; ${STATUS_FIX}`] },
        { name: "fails an enabled status without a key", props: registry({ encryption: { keyVaultProperties: undefined } }),
            want: [`The registry does not set encryption.keyVaultProperties.keyIdentifier (no key is named); ${KEY_FIX}`] },
        { name: "fails a blank key identifier", props: registry({ encryption: { keyVaultProperties: { keyIdentifier: " " } } }),
            want: [`The registry sets encryption.keyVaultProperties.keyIdentifier: " "; ${KEY_FIX}`] },
        { name: "fails a key identifier that is not a string", props: registry({ encryption: { keyVaultProperties: { keyIdentifier: untyped({ id: KEY }) } } }),
            want: [`The registry sets encryption.keyVaultProperties.keyIdentifier: {"id":"${KEY}"}; ${KEY_FIX}`] },
        { name: "fails when encryption is an array", props: registry({ encryption: untyped([{ status: "enabled" }]) }),
            want: [`The registry does not set encryption.status ${PMK}; ${STATUS_FIX}`] },
        { name: "passes a secret key identifier without printing it", props: registry({ encryption: { keyVaultProperties: { keyIdentifier: secret(KEY) } } }), want: [] },
        { name: "never prints a secret status", props: registry({ encryption: { status: secret("disabled") } }),
            want: [`The registry sets encryption.status: [secret]; ${STATUS_FIX}`] },
        { name: "never prints a secret blank key", props: registry({ encryption: secret({ status: "enabled", keyVaultProperties: { keyIdentifier: "" } }) }),
            want: [`The registry sets encryption.keyVaultProperties.keyIdentifier: [secret]; ${KEY_FIX}`] },
        { name: "does not read the classic spelling on azure-native", props: registry({ encryption: { status: undefined, keyVaultKeyId: KEY } as never }),
            want: [`The registry does not set encryption.status ${PMK}; ${STATUS_FIX}`] },
        // classic
        { name: "classic: passes an encryption block with keyVaultKeyId", type: AZ.classicRegistry, props: classicRegistry(), want: [] },
        { name: "classic: fails a registry without encryption", type: AZ.classicRegistry, props: classicRegistry({ encryption: undefined }),
            want: [`The registry does not set encryption.keyVaultKeyId ${PMK}; ${KEY_FIX}`] },
        { name: "classic: fails an encryption block without a key", type: AZ.classicRegistry, props: classicRegistry({ encryption: { keyVaultKeyId: undefined } }),
            want: [`The registry does not set encryption.keyVaultKeyId ${PMK}; ${KEY_FIX}`] },
        { name: "classic: fails a key ID that is not a string", type: AZ.classicRegistry, props: classicRegistry({ encryption: { keyVaultKeyId: untyped(42) } }),
            want: [`The registry sets encryption.keyVaultKeyId: 42; ${KEY_FIX}`] },
        { name: "classic v5: passes encryption.enabled: true with a key", type: AZ.classicRegistry,
            props: merge(classicRegistry(), { encryption: { enabled: true } }), want: [] },
        { name: "classic v5: fails encryption.enabled: false even with a key", type: AZ.classicRegistry,
            props: merge(classicRegistry(), { encryption: { enabled: false } }),
            want: [`The registry sets encryption.enabled: false; ${V5_FIX}`] },
        { name: "classic v5: fails a malformed encryption.enabled", type: AZ.classicRegistry,
            props: merge(classicRegistry(), { encryption: { enabled: "yes" } }),
            want: [`The registry sets encryption.enabled: "yes"; ${V5_FIX}`] },
        { name: "classic: never prints a secret key ID", type: AZ.classicRegistry, props: classicRegistry({ encryption: { keyVaultKeyId: secret("") } }),
            want: [`The registry sets encryption.keyVaultKeyId: [secret]; ${KEY_FIX}`] },
    ];
    violationCases(policy, AZ.registry, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "encryption.status", props: registry({ encryption: { status: unknown } }), note: "string value at .encryption.status can't be known during preview" },
        { name: "the whole encryption block", props: registry({ encryption: unknown }), note: "string value at .encryption can't be known during preview" },
        { name: "classic encryption.enabled (v5)", type: AZ.classicRegistry, props: merge(classicRegistry(), { encryption: { enabled: unknown } }),
            note: "string value at .encryption.enabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? AZ.registry, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }
    it("passes a key identifier set from another resource's output (unknown at preview), without the SDK's note", () => {
        const out = validate(policy, AZ.registry, registry({ encryption: { keyVaultProperties: { keyIdentifier: unknown } } }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, undefined);
    });
    it("classic: passes a key ID set from another resource's output, without the SDK's note", () => {
        const out = validate(policy, AZ.classicRegistry, classicRegistry({ encryption: { keyVaultKeyId: unknown } }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, undefined);
    });

});
