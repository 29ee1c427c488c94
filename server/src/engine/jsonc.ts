// The one import of jsonc-parser; everything else imports it from here. The package's `main` is a UMD build whose
// factory requires its own files at run time, which esbuild cannot follow (the bundle then fails with "Cannot find
// module './impl/format'"); its ES module build (the package's `module` field, same API and types) bundles cleanly.
export { type Node, type ParseError, findNodeAtLocation, parse, parseTree, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
