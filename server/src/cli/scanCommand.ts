import * as l10n from '@vscode/l10n';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pythonParserStatus } from '../engine/python/pythonParser';
import { scanWorkspace } from '../workspace';
import { describeIoError } from '../workspace/ioErrors';
import { checkRelativePath, WriteScope } from '../workspace/safeWrite';
import { fixScannedFile, type FixWriteContext } from './applyFixes';
import { CliError } from './cliError';
import { ExitCode, worstExitCode } from './exitCodes';
import { escapeControl } from './output/terminalText';
import { blindSpots, skippedFailureMessage } from './skipPolicy';
import { loadSettings } from './loadSettings';
import { createReporter } from './output/createReporter';
import type { OutputStream } from './output/reporter';
import type { ScanArguments } from './parseArguments';
import { TOOL_NAME } from './toolInfo';

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** `scan [paths...]`: reports findings; the exit code tells CI whether there is anything to migrate. */
export async function scanCommand(args: ScanArguments, io: CliIo): Promise<ExitCode> {
  await assertPathsExist(args.paths, io.cwd);
  const { settings, warnings } = await loadSettings(args.configPath, args.region, io.cwd);
  for (const warning of warnings) io.stderr.write(`${TOOL_NAME}: ${escapeControl(warning)}\n`);
  const reporter = createReporter(args.format, { stdout: io.stdout, env: io.env, cwd: io.cwd, settings, paths: args.paths });
  const results = scanWorkspace({
    roots: args.paths,
    cwd: io.cwd,
    settings,
    maxFileSizeBytes: args.maxFileSizeKb === undefined ? undefined : args.maxFileSizeKb * 1024,
    blockingReads: true,
  });
  let scannedMarkdown = false;
  const fixed = { files: 0, edits: 0, failed: 0 };
  const writeContext = args.fix ? await fixWriteContext(args, io.cwd, settings.adapterPath) : undefined;
  for await (const scanned of results) {
    let result = scanned;
    if (writeContext && scanned.kind === 'scanned') {
      // Fix before reporting, so the report shows only what is left to do by hand.
      const outcome = await fixScannedFile(scanned, settings, writeContext);
      result = outcome.result;
      const shown = escapeControl(scanned.relativePath);
      if (outcome.editCount > 0) {
        fixed.files++;
        fixed.edits += outcome.editCount;
        io.stderr.write(`${l10n.t('fixed {0} ({1} edits)', shown, outcome.editCount)}\n`);
      }
      for (const path of outcome.created) io.stderr.write(`${l10n.t('created {0}', escapeControl(path))}\n`);
      if (outcome.blocked) io.stderr.write(`${l10n.t('not fixed {0}: {1}', shown, outcome.blocked)}\n`);
      if (outcome.failure) {
        fixed.failed++;
        io.stderr.write(`${l10n.t('failed {0}: {1}', shown, escapeControl(outcome.failure))}\n`);
      }
    }
    reporter.addFile(result);
    scannedMarkdown ||= result.kind === 'scanned' && result.languageId === 'markdown';
  }
  reporter.finish();
  if (args.fix) {
    io.stderr.write(`${l10n.t('--fix: {0} edits in {1} files; {2} findings left need manual steps (listed above).', fixed.edits, fixed.files, reporter.findingCount)}\n`);
    if (fixed.failed > 0) io.stderr.write(`${l10n.t('--fix: {0} file(s) could not be fixed (see "failed" above); they were left unchanged.', fixed.failed)}\n`);
  }
  if (scannedMarkdown) warnIfPythonUnavailable(io);
  const unanalysed = blindSpots(reporter.skipped).length;
  if (args.failOnSkipped && unanalysed > 0) io.stderr.write(`${TOOL_NAME}: ${skippedFailureMessage(unanalysed)}\n`);
  return worstExitCode(
    reporter.findingCount > 0 ? ExitCode.findings : ExitCode.clean,
    args.failOnSkipped && unanalysed > 0 ? ExitCode.skipped : ExitCode.clean,
    fixed.failed > 0 ? ExitCode.fixFailed : ExitCode.clean,
  );
}

/**
 * Where `--fix` may write (workspace/safeWrite.ts): rewrites stay inside the scanned paths (real paths, so a link
 * pointing out is refused), created files inside the current folder. An adapterPath leading out is a usage error.
 */
async function fixWriteContext(args: ScanArguments, cwd: string, adapterPath: string): Promise<FixWriteContext> {
  const adapter = checkRelativePath(adapterPath);
  if (!adapter.ok) throw new CliError(l10n.t('Invalid adapterPath: {0}', adapter.message));
  const [rewriteScope, createScope] = await Promise.all([WriteScope.of(args.paths.map((path) => resolve(cwd, path))), WriteScope.of([cwd])]);
  return { workspaceRoot: cwd, rewriteScope, createScope };
}

/** A mistyped path is a usage error, not "nothing found": CI must not pass because of a typo. */
async function assertPathsExist(paths: readonly string[], cwd: string): Promise<void> {
  for (const path of paths) {
    try {
      await stat(resolve(cwd, path));
    } catch (error) {
      throw new CliError(l10n.t('Cannot scan {0}: {1}.', path, describeIoError(error)));
    }
  }
}

/** Python fences in Markdown need a WebAssembly grammar; if it failed to load, say so rather than under-report. */
function warnIfPythonUnavailable(io: CliIo): void {
  const status = pythonParserStatus();
  if (status.ready) return;
  io.stderr.write(`${TOOL_NAME}: ${l10n.t('warning: Python code blocks in Markdown were not analysed ({0}).', status.error ?? l10n.t('the Python grammar is not loaded'))}\n`);
}
