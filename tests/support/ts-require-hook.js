/**
 * Lets a plain `node` child process run the gateway's TypeScript sources (`node -r <this> src/index.ts`),
 * so process-level tests need no build: each .ts file is transpiled on load, without type checks
 * (jest and tsc check the types).
 */
'use strict';
/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS require hook, loaded by `node -r` */
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  resolveJsonModule: true,
  inlineSourceMap: true,
};

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
