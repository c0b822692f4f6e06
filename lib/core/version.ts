// Kubernetes versions as AKS accepts them: "1.33", "1.33.2", with an optional leading "v".
// Pure; no range or pre-release syntax (AKS has neither in kubernetesVersion / orchestratorVersion).

export interface Version {
    major: number;
    minor: number;
    /** Absent for a major.minor version (AKS then picks the latest patch). */
    patch?: number;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/i;

/** The version in `s`, or undefined when `s` is not a string of that form. */
export function parseVersion(s: unknown): Version | undefined {
    if (typeof s !== "string") {
        return undefined;
    }
    const m = VERSION.exec(s);
    if (!m) {
        return undefined;
    }
    const v: Version = { major: Number(m[1]), minor: Number(m[2]) };
    if (m[3] !== undefined) {
        v.patch = Number(m[3]);
    }
    return Number.isSafeInteger(v.major) && Number.isSafeInteger(v.minor) && (v.patch === undefined || Number.isSafeInteger(v.patch)) ? v : undefined;
}

/**
 * Whether `v` is older than `min`. A patch is compared only when `min` names one; a version
 * without a patch (AKS picks the latest patch of that minor) meets a minimum with a patch of
 * the same minor.
 */
export function olderThan(v: Version, min: Version): boolean {
    if (v.major !== min.major) {
        return v.major < min.major;
    }
    if (v.minor !== min.minor) {
        return v.minor < min.minor;
    }
    return min.patch !== undefined && v.patch !== undefined && v.patch < min.patch;
}
