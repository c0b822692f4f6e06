// JSON-schema validation with the error lines of github.com/xeipuuv/gojsonschema, the
// validator the Pulumi CLI uses for policy configuration (pkg/resource/analyzer/config.go
// validatePolicyConfig). Only what a policy config schema can say is implemented: type,
// enum, const, properties, required, additionalProperties, min/maxProperties, items,
// min/maxItems, uniqueItems, min/maxLength, pattern, minimum/maximum (and exclusive),
// multipleOf, anyOf/oneOf/allOf/not.
//
// Each error is `<field>: <description>` (gojsonschema ResultErrorFields.String with the
// locale's ErrorFormat), where <field> is the dotted path below the root ("exemptions.0.reason"
// is written "exemptions.0"), and the CLI trims the "(root): " prefix of errors on the root.
// Descriptions are gojsonschema's DefaultLocale (locales.go).

type Schema = Record<string, unknown>;

function typeOf(v: unknown): string {
    if (v === null || v === undefined) return "null";
    if (Array.isArray(v)) return "array";
    if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
    if (typeof v === "boolean") return "boolean";
    if (typeof v === "string") return "string";
    return "object";
}

function types(s: Schema): string[] {
    const t = s.type;
    return t === undefined ? [] : Array.isArray(t) ? (t as string[]) : [t as string];
}

function typeAllowed(allowed: string[], given: string): boolean {
    return allowed.includes(given) || (given === "integer" && allowed.includes("number"));
}

/** gojsonschema's jsonSchemaType.String(): one type as is, several as `[a,b]`. */
function typesText(allowed: string[]): string {
    return allowed.length === 1 ? allowed[0] : `[${allowed.join(",")}]`;
}

/** Go's json.Marshal of a decoded JSON value (object keys sorted, as Go maps marshal). */
export function goJson(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map(goJson).join(",")}]`;
    if (v !== null && typeof v === "object") {
        const o = v as Record<string, unknown>;
        return `{${Object.keys(o).sort().map(k => `${JSON.stringify(k)}:${goJson(o[k])}`).join(",")}}`;
    }
    return JSON.stringify(v ?? null);
}

/** How a big.Float prints through text/template (%v: 'g' with the shortest exact digits). */
function num(n: unknown): string {
    return String(n);
}

class Ctx {
    constructor(readonly errors: string[]) {}
    add(path: string[], description: string): void {
        const field = path.length === 0 ? "(root)" : path.join(".");
        this.errors.push(`${field}: ${description}`);
    }
}

function field(path: string[]): string {
    return path.length === 0 ? "(root)" : path.join(".");
}

function validate(s: Schema, v: unknown, path: string[], ctx: Ctx): void {
    if (typeof s !== "object" || s === null) return;
    const allowed = types(s);
    const given = typeOf(v);
    if (allowed.length > 0 && !typeAllowed(allowed, given)) {
        ctx.add(path, `Invalid type. Expected: ${typesText(allowed)}, given: ${given}`);
        return;
    }
    // validateSchema: anyOf, oneOf, allOf, not
    if (Array.isArray(s.anyOf)) {
        const results = (s.anyOf as Schema[]).map(x => sub(x, v, path));
        if (!results.some(r => r.length === 0)) {
            ctx.add(path, "Must validate at least one schema (anyOf)");
            ctx.errors.push(...results.sort((a, b) => a.length - b.length)[0]);
        }
    }
    if (Array.isArray(s.oneOf)) {
        const results = (s.oneOf as Schema[]).map(x => sub(x, v, path));
        const ok = results.filter(r => r.length === 0).length;
        if (ok !== 1) {
            ctx.add(path, "Must validate one and only one schema (oneOf)");
            if (ok === 0) ctx.errors.push(...results.sort((a, b) => a.length - b.length)[0]);
        }
    }
    if (Array.isArray(s.allOf)) {
        const results = (s.allOf as Schema[]).map(x => sub(x, v, path));
        for (const r of results) ctx.errors.push(...r);
        if (results.some(r => r.length > 0)) ctx.add(path, "Must validate all the schemas (allOf)");
    }
    if (s.not !== undefined && sub(s.not as Schema, v, path).length === 0) {
        ctx.add(path, "Must not validate the schema (not)");
    }
    if (given === "integer" || given === "number") validateNumber(s, v as number, path, ctx);
    if (given === "array") validateArray(s, v as unknown[], path, ctx);
    if (given === "object") validateObject(s, v as Record<string, unknown>, path, ctx);
    validateCommon(s, v, path, ctx);
    if (given === "string") validateString(s, v as string, path, ctx);
    if (given === "object" && s.properties && typeof s.properties === "object") {
        const o = v as Record<string, unknown>;
        for (const [k, ps] of Object.entries(s.properties as Record<string, Schema>)) {
            if (Object.prototype.hasOwnProperty.call(o, k)) validate(ps, o[k], [...path, k], ctx);
        }
    }
}

function sub(s: Schema, v: unknown, path: string[]): string[] {
    const ctx = new Ctx([]);
    validate(s, v, path, ctx);
    return ctx.errors;
}

function validateCommon(s: Schema, v: unknown, path: string[], ctx: Ctx): void {
    if (s.const !== undefined && goJson(v) !== goJson(s.const)) {
        ctx.add(path, `${field(path)} does not match: ${goJson(s.const)}`);
    }
    if (Array.isArray(s.enum) && s.enum.length > 0) {
        const allowed = s.enum.map(goJson);
        if (!allowed.includes(goJson(v))) {
            ctx.add(path, `${field(path)} must be one of the following: ${allowed.join(", ")}`);
        }
    }
}

function validateArray(s: Schema, v: unknown[], path: string[], ctx: Ctx): void {
    if (s.items && typeof s.items === "object" && !Array.isArray(s.items)) {
        v.forEach((x, i) => validate(s.items as Schema, x, [...path, String(i)], ctx));
    } else if (Array.isArray(s.items)) {
        const items = s.items as Schema[];
        for (let i = 0; i < items.length && i < v.length; i++) validate(items[i], v[i], [...path, String(i)], ctx);
        if (items.length < v.length && s.additionalItems === false) ctx.add(path, "No additional items allowed on array");
    }
    if (typeof s.minItems === "number" && v.length < s.minItems) ctx.add(path, `Array must have at least ${s.minItems} items`);
    if (typeof s.maxItems === "number" && v.length > s.maxItems) ctx.add(path, `Array must have at most ${s.maxItems} items`);
    if (s.uniqueItems === true) {
        const seen = new Map<string, number>();
        v.forEach((x, j) => {
            const k = goJson(x);
            const i = seen.get(k);
            if (i !== undefined) ctx.add(path, `array items[${i},${j}] must be unique`);
            else seen.set(k, j);
        });
    }
}

function validateObject(s: Schema, v: Record<string, unknown>, path: string[], ctx: Ctx): void {
    const n = Object.keys(v).length;
    if (typeof s.minProperties === "number" && n < s.minProperties) ctx.add(path, `Must have at least ${s.minProperties} properties`);
    if (typeof s.maxProperties === "number" && n > s.maxProperties) ctx.add(path, `Must have at most ${s.maxProperties} properties`);
    for (const r of Array.isArray(s.required) ? (s.required as string[]) : []) {
        if (!Object.prototype.hasOwnProperty.call(v, r)) ctx.add(path, `${r} is required`);
    }
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const k of Object.keys(v)) {
        if (Object.prototype.hasOwnProperty.call(props, k)) continue;
        if (s.additionalProperties === false) ctx.add(path, `Additional property ${k} is not allowed`);
        else if (typeof s.additionalProperties === "object" && s.additionalProperties !== null) {
            validate(s.additionalProperties as Schema, v[k], [...path, k], ctx);
        }
    }
}

function validateString(s: Schema, v: string, path: string[], ctx: Ctx): void {
    const len = [...v].length; // utf8.RuneCount
    if (typeof s.minLength === "number" && len < s.minLength) ctx.add(path, `String length must be greater than or equal to ${s.minLength}`);
    if (typeof s.maxLength === "number" && len > s.maxLength) ctx.add(path, `String length must be less than or equal to ${s.maxLength}`);
    if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(v)) ctx.add(path, `Does not match pattern '${s.pattern}'`);
}

function validateNumber(s: Schema, v: number, path: string[], ctx: Ctx): void {
    if (typeof s.multipleOf === "number" && !Number.isInteger(v / s.multipleOf)) ctx.add(path, `Must be a multiple of ${num(s.multipleOf)}`);
    if (typeof s.maximum === "number" && v > s.maximum) ctx.add(path, `Must be less than or equal to ${num(s.maximum)}`);
    if (typeof s.exclusiveMaximum === "number" && v >= s.exclusiveMaximum) ctx.add(path, `Must be less than ${num(s.exclusiveMaximum)}`);
    if (typeof s.minimum === "number" && v < s.minimum) ctx.add(path, `Must be greater than or equal to ${num(s.minimum)}`);
    if (typeof s.exclusiveMinimum === "number" && v <= s.exclusiveMinimum) ctx.add(path, `Must be greater than ${num(s.exclusiveMinimum)}`);
}

/**
 * Validate `value` against `schema` and return the CLI's lines for it: gojsonschema's
 * `<field>: <description>`, with the "(root): " prefix trimmed as the CLI does.
 */
export function schemaErrors(schema: Schema, value: unknown): string[] {
    const ctx = new Ctx([]);
    validate(schema, value, [], ctx);
    return ctx.errors.map(e => (e.startsWith("(root): ") ? e.slice("(root): ".length) : e));
}
