// A setting decided for the policy: whether it is on, however the user's provider spells it
// (azure-native `publicNetworkAccess: "Disabled"`, classic `publicNetworkAccessEnabled: false`,
// `disableRunCommand: true` for "run command off"), and how to write the state a policy asks
// for. Views return Settings, so no policy compares provider-specific values.

import { Node } from "../core/node";

export interface Spelling {
    on: string | boolean;
    off: string | boolean;
}

/** A boolean that is true when the setting is on. */
export const BOOL: Spelling = { on: true, off: false };
/** A boolean that is true when the setting is OFF (`disableRunCommand`, `disableLocalAccounts`). */
export const NEGATED: Spelling = { on: false, off: true };
/** azure-native's `Enabled` / `Disabled` enums. */
export const ENABLED: Spelling = { on: "Enabled", off: "Disabled" };
/** azure-native's lower-case `enabled` / `disabled` enums (container registry policies). */
export const ENABLED_LOWER: Spelling = { on: "enabled", off: "disabled" };
/** Boolean strings, as AKS add-on config maps take them (`enableSecretRotation: "true"`). */
export const BOOL_STRING: Spelling = { on: "true", off: "false" };

export class Setting {
    constructor(
        readonly node: Node,
        readonly spelling: Spelling,
        /** What the platform does when the setting is absent, when that is known. */
        readonly whenAbsent?: boolean,
    ) {}

    /**
     * true when on, false when off, null when present with another value; when absent, the
     * platform's default (`whenAbsent`), or undefined when the view does not know it.
     * Booleans accept the strings "true"/"false" (Node.bool); enum strings compare case-insensitively.
     */
    state(): boolean | undefined | null {
        if (!this.node.present) return this.whenAbsent;
        if (typeof this.spelling.on === "boolean") {
            const b = this.node.bool();
            return b === undefined ? this.whenAbsent : b === null ? null : b === this.spelling.on;
        }
        const s = this.node.str()?.trim().toLowerCase();
        if (s === String(this.spelling.on).toLowerCase()) return true;
        if (s === String(this.spelling.off).toLowerCase()) return false;
        return null;
    }

    /** The value that sets the state, as the provider spells it: `"Disabled"`, `false`, `true`. */
    write(on: boolean): string {
        const v = on ? this.spelling.on : this.spelling.off;
        return typeof v === "string" ? JSON.stringify(v) : String(v);
    }
}

/** Text that differs by provider (a remediation naming the provider's own types and blocks). */
export interface ByProvider<T = string> {
    native: T;
    classic: T;
}
