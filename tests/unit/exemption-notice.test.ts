// The advisory notice for exemptions close to expiry (lib/config/exemption-notice.ts), with a fixed "now".
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { daysLeft, expiryNotice } from "../../lib/config/exemption-notice";

const NOW = new Date("2026-12-02T23:30:00Z");
const ex = (expires?: string, owner?: string) => ({ match: { name: "x" }, reason: "migrating", expires, owner });

describe("exemption notice", () => {
    it("counts whole UTC days to the last day of the exemption", () => {
        assert.equal(daysLeft("2026-12-02", NOW), 0);
        assert.equal(daysLeft("2026-12-03", NOW), 1);
        assert.equal(daysLeft("2027-01-01", NOW), 30);
        assert.equal(daysLeft("2026-12-01", NOW), -1);
        assert.equal(daysLeft("next week", NOW), undefined);
    });
    it("names the exemption, its owner and expiry within the window, and nothing outside it", () => {
        assert.equal(expiryNotice(ex("2026-12-12", "platform-team"), 30, NOW),
            'Exempted by the policy configuration: "migrating" (owner platform-team), until 2026-12-12, which is in 10 days; after that this policy reports the resource again. Renew the exemption\'s "expires" or fix the resource.');
        assert.match(expiryNotice(ex("2026-12-02"), 30, NOW)!, /, which is today; /);
        assert.match(expiryNotice(ex("2026-12-03"), 30, NOW)!, /, which is tomorrow; /);
        assert.equal(expiryNotice(ex("2027-01-01"), 30, NOW), undefined, "30 days ahead is outside a 30-day window");
        assert.equal(expiryNotice(ex("2026-12-12"), 5, NOW), undefined);
        assert.equal(expiryNotice(ex("2026-12-02"), 0, NOW), undefined, "0 turns it off");
        assert.equal(expiryNotice(ex("2026-12-01"), 30, NOW), undefined, "expired: the violation itself comes back");
        assert.equal(expiryNotice(ex(undefined), 30, NOW), undefined, "no expiry, no notice");
        assert.equal(expiryNotice(undefined, 30, NOW), undefined, "in-code exemptions have no expiry");
    });
    it("falls back to 30 days when the setting is not a number", () => {
        assert.ok(expiryNotice(ex("2026-12-30"), "soon", NOW));
        assert.equal(expiryNotice(ex("2027-01-02"), "soon", NOW), undefined);
    });
});
