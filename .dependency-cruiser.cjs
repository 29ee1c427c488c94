// The layering of server/src, checked by `npm run check-types` (`npm run check-layers`). From the bottom up:
//   engine/catalog            facts about Bedrock and SageMaker (model ids, operations, packages, endpoints)
//   engine/*.ts               shared engine types and helpers (types, findings, rules, settings, edits, shims)
//   engine/{script,python,shell,packageJson}   detectors per language, independent of each other
//   engine/markdown           Markdown detection (embeds the languages above)
//   engine/analyze.ts         the detection entry point
//   engine/fixes, engine/markdown/fixes, engine/project, engine/documentFixes.ts   rewriting (re-runs analyze)
//   workspace, endpoints      file system and AWS access for the adapters
//   formats                   the JSON and SARIF documents and terminal-safe text, shared by report and cli
//   report                    the migration report
//   cli, lsp                  adapters (entry points cli.ts, server.ts); nothing below imports them
// Beside them: shared/ (protocol types of client and server, importing neither) and client/ (the VS Code client,
// which talks to the server only through shared/ and the language server protocol).
// test/unit/layering.test.ts plants upward imports in a scratch tree to show every rule can fail.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: neither can be understood, tested or moved alone.',
      severity: 'error',
      from: { path: '^server/src' },
      to: { circular: true },
    },
    {
      name: 'engine-is-transport-free',
      comment: 'The engine is pure detection and rewriting: no LSP, CLI, report, workspace, AWS or VS Code.',
      severity: 'error',
      from: { path: '^server/src/engine/' },
      to: {
        path: [
          '^server/src/(lsp|cli|report|endpoints|workspace)/',
          '^server/src/[^/]+[.]ts$',
          '^client/',
          '^shared/',
          '(^|/)node_modules/(vscode|vscode-languageserver[^/]*|vscode-jsonrpc|@aws-sdk/[^/]+)/',
        ],
      },
    },
    {
      name: 'server-imports-no-vscode-api',
      comment: 'The vscode module exists only inside the editor host; the server and the CLI run in plain Node.',
      severity: 'error',
      from: { path: '^server/src' },
      to: { path: '^vscode$' },
    },
    {
      name: 'report-is-below-the-adapters',
      comment: 'The report is rendered for the CLI and for the editor: it imports neither.',
      severity: 'error',
      from: { path: '^server/src/report/' },
      to: { path: ['^server/src/(cli|lsp)/', '^server/src/(cli|server|cliLauncher)[.]ts$'] },
    },
    {
      name: 'services-are-below-the-adapters',
      comment: 'Workspace and endpoint access and the output formats serve the adapters and the report; they import neither.',
      severity: 'error',
      from: { path: '^server/src/(workspace|endpoints|formats)/' },
      to: { path: ['^server/src/(cli|lsp|report)/', '^server/src/(cli|server|cliLauncher)[.]ts$'] },
    },
    {
      name: 'only-the-cli-entry-imports-the-cli',
      comment: 'cli/ is an adapter on top: shared logic it needs lives below it.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: ['^server/src/cli/', '^server/src/(cli|cliLauncher)[.]ts$'] },
      to: { path: '^server/src/cli/' },
    },
    {
      name: 'only-the-server-entry-imports-lsp',
      comment: 'lsp/ is an adapter on top: shared logic it needs lives below it.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: ['^server/src/lsp/', '^server/src/server[.]ts$'] },
      to: { path: '^server/src/lsp/' },
    },
    {
      name: 'catalog-is-the-bottom-of-the-engine',
      comment: 'The catalogue holds facts every detector and fix shares, so it imports no detector and no fix.',
      severity: 'error',
      from: { path: '^server/src/engine/catalog/' },
      to: { path: ['^server/src/engine/(?!catalog/)[^/]+/', '^server/src/engine/(analyze|documentFixes)[.]ts$'] },
    },
    {
      name: 'engine-base-files-stay-low',
      comment: 'The shared engine files (types, findings, rules, settings, edits, shims) sit under every detector and fix.',
      severity: 'error',
      from: { path: '^server/src/engine/[^/]+[.]ts$', pathNot: '^server/src/engine/(analyze|documentFixes)[.]ts$' },
      to: {
        path: ['^server/src/engine/[^/]+/', '^server/src/engine/(analyze|documentFixes)[.]ts$'],
        // FixInput carries the package's module settings: a leaf type with no imports of its own.
        pathNot: ['^server/src/engine/catalog/', '^server/src/engine/project/packageContext[.]ts$'],
      },
    },
    {
      name: 'detection-never-imports-fixes',
      comment: 'Fixes re-run detection on every pass (fixes/pipeline.ts calls analyze), so detection must not depend on them.',
      severity: 'error',
      from: {
        path: ['^server/src/engine/(script|python|shell|markdown)/', '^server/src/engine/analyze[.]ts$'],
        pathNot: '^server/src/engine/markdown/fixes/',
      },
      to: { path: ['^server/src/engine/(fixes|markdown/fixes|project)/', '^server/src/engine/documentFixes[.]ts$'] },
    },
    {
      name: 'languages-are-independent',
      comment: 'Script, Python, shell and package.json detectors share code through catalog/ and the engine base, not each other.',
      severity: 'error',
      from: { path: '^server/src/engine/(script|python|shell|packageJson)/' },
      to: { path: '^server/src/engine/(script|python|shell|packageJson|markdown)/', pathNot: '^server/src/engine/$1/' },
    },
    {
      name: 'client-talks-through-shared',
      comment: 'The client runs in the extension host, the server in its own process: they share only shared/.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'shared-imports-neither-side',
      comment: 'shared/ is compiled into both the client and the server.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(client|server)/' },
    },
  ],
  options: {
    // Type-only imports are arrows too: a type shared upwards couples the layers as much as a value does.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(out|node_modules)/' },
  },
};
