// The report's data as the CLI's machine-readable formats, from the report model (the editor's export). The
// shapes and the SARIF builder live in formats/, shared with the CLI, so `scan --format json|sarif` and the export agree.
import * as path from 'node:path';
import { type CliFinding, toCliFinding } from '../formats/cliFinding';
import type { FileMessage, JsonReport } from '../formats/jsonReport';
import { buildSarifLog } from '../formats/sarifLog';
import { TOOL_NAME, TOOL_VERSION } from '../formats/toolInfo';
import type * as Sarif from 'sarif';
import type { ReportModel } from './types';

interface ExportData {
  /** The folder every `file` is relative to: the single root, or the deepest folder holding all roots. */
  base: string;
  findings: CliFinding[];
  skipped: FileMessage[];
  installs: NonNullable<JsonReport['installs']>;
}

export function toJsonReport(model: ReportModel): JsonReport {
  const { findings, skipped, installs } = exportData(model);
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    targetRegion: model.options.targetRegion,
    filesScanned: model.filesScanned,
    findings,
    skipped,
    notices: [],
    installs,
  };
}

export function toSarifLog(model: ReportModel): Sarif.Log {
  const { base, findings, skipped } = exportData(model);
  return buildSarifLog({ findings, skipped, notices: [], targetRegion: model.options.targetRegion, cwd: base });
}

function exportData(model: ReportModel): ExportData {
  const roots = new Map(model.options.folders.map((folder) => [folder.name, folder.root]));
  const base = commonFolder([...roots.values()]);
  const fileOf = (folder: string, file: string) => toSlashes(path.relative(base, path.join(roots.get(folder) ?? base, file)));
  const findings = model.files.flatMap((section) => section.findings.map((finding) => toCliFinding(fileOf(section.folder, section.path), finding)));
  const skipped = model.skipped.map((file): FileMessage => ({ file: fileOf(file.folder, file.path), reason: file.reason, message: file.message ?? file.reason }));
  const installs = model.installs.map(({ folder, path: file, command, lockfile }) => ({ file: fileOf(folder, file), command, ...(lockfile ? { lockfile } : {}) }));
  return { base, findings, skipped, installs };
}

function commonFolder(roots: readonly string[]): string {
  if (roots.length === 0) return process.cwd();
  let common = path.resolve(roots[0]!);
  for (const root of roots.slice(1)) {
    while (path.relative(common, path.resolve(root)).startsWith('..')) common = path.dirname(common);
  }
  return common;
}

function toSlashes(value: string): string {
  return value.split(path.sep).join('/');
}
