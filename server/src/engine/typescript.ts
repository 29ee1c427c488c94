// The one import of the TypeScript compiler API; everything else imports it from here. esbuild gives each module
// that imports a CommonJS package its own copy of the package's export table, and TypeScript exports thousands
// of names: one copy instead of dozens saves tens of milliseconds at every start of the CLI and the server.
import ts from 'typescript';

export default ts;
