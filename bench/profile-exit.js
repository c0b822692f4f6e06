// Loaded into the pack's process by `bench/run.ts --profile` through NODE_OPTIONS="--require
// <this file>" (PulumiPolicy.yaml nodeargs, like Engine.launch nodeArgs, reach the runner script,
// never node, and --cpu-prof is not allowed in NODE_OPTIONS): starts V8's CPU profiler at load
// and, on SIGTERM, writes the profile to $PROFILE_DIR and exits.
"use strict";
const fs = require("fs");
const path = require("path");
const inspector = require("inspector");

const dir = process.env.PROFILE_DIR;
const session = new inspector.Session();
session.connect();
session.post("Profiler.enable", () => {
    session.post("Profiler.setSamplingInterval", { interval: Number(process.env.PROFILE_INTERVAL_US || 200) }, () => {
        session.post("Profiler.start");
    });
});
process.on("SIGTERM", () => {
    session.post("Profiler.stop", (err, res) => {
        if (!err && dir) {
            fs.mkdirSync(dir, { recursive: true });
            fs.writeFileSync(path.join(dir, `pack-${process.pid}.cpuprofile`), JSON.stringify(res.profile));
        }
        process.exit(0);
    });
});
