// The project root, whether this runs from scripts/ (ts-node) or .build/scripts/ (compiled).
import * as fs from "fs";
import * as path from "path";

export function projectRoot(): string {
    let d = __dirname;
    while (!fs.existsSync(path.join(d, "package.json")) || path.basename(d) === ".build") {
        const up = path.dirname(d);
        if (up === d) throw new Error("project root not found");
        d = up;
    }
    return d;
}
