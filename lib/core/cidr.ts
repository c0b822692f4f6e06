// Minimal CIDR arithmetic for allow-lists of address ranges. IPv4 ranges are compared by
// containment; anything else (IPv6, malformed) only by exact text.

export interface Range4 {
    base: number;
    prefix: number;
}

export function parseRange4(s: string): Range4 | undefined {
    const m = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?\s*$/.exec(s);
    if (!m) {
        return undefined;
    }
    const octets = [m[1], m[2], m[3], m[4]].map(Number);
    const prefix = m[5] === undefined ? 32 : Number(m[5]);
    if (octets.some(o => o > 255) || prefix > 32) {
        return undefined;
    }
    const addr = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    return { base: (addr & mask) >>> 0, prefix };
}

/** The prefix length of an IPv4 or IPv6 CIDR (`/0` admits every address); undefined if none is written. */
export function prefixLength(s: string): number | undefined {
    const m = /\/(\d+)\s*$/.exec(s);
    return m ? Number(m[1]) : undefined;
}

/** True when `inner` lies within one of `outer` (IPv4 containment, else exact text). */
export function within(inner: string, outer: readonly string[]): boolean {
    const r = parseRange4(inner);
    for (const o of outer) {
        if (o.trim() === inner.trim()) {
            return true;
        }
        const a = r && parseRange4(o);
        if (r && a && a.prefix <= r.prefix) {
            const mask = a.prefix === 0 ? 0 : (0xffffffff << (32 - a.prefix)) >>> 0;
            if (((r.base & mask) >>> 0) === a.base) {
                return true;
            }
        }
    }
    return false;
}

/** A textual IPv4 or IPv6 address or CIDR range (AKS accepts both forms). */
export function isCidr(s: string): boolean {
    if (parseRange4(s)) {
        return true;
    }
    const m = /^\s*([0-9A-Fa-f:.]+)(?:\/(\d{1,3}))?\s*$/.exec(s);
    return m !== null && m[1].includes(":") && (m[2] === undefined || Number(m[2]) <= 128);
}
