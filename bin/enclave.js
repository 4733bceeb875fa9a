#!/usr/bin/env node

const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  console.error('enclave: the project is not built (dist/cli/main.js missing). Run `npm run build` first.');
  process.exit(1);
}
require(entry);
