import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../engine/analyze';
import { documentFixAll } from '../engine/documentFixes';
import { applyEdits } from '../engine/fixes';
import type { FixProposal } from '../engine/fixes/types';
import { planDependencyFix } from '../engine/packageJson';
import { dependencyFixability } from '../engine/project/dependencyMigration';
import type { EngineSettings } from '../engine/types';
import type { ScannedFile } from '../workspace';
import type { PackageContexts } from '../workspace/packageContexts';
import { fixInputOf } from './prepareForFix';

export interface FileFixOutcome {
  /** The file as it is after fixing (re-analysed), or the original result when nothing changed. */
  result: ScannedFile;
  editCount: number;
  /** Files created for the fix (the shared Converse adapter), relative to the workspace root. */
  created: string[];
}

/**
 * `scan --fix` for one file: applies every safe fix (the same fix-all the editor offers), writes the file back
 * with its BOM, creates the adapter module once, and re-analyses so the report shows only what is left.
 * Running it again changes nothing: fix-all proposes no edit for a migrated file.
 */
export async function fixScannedFile(file: ScannedFile, settings: EngineSettings, workspaceRoot: string, packages: PackageContexts): Promise<FileFixOutcome> {
  if (!file.findings.some((finding) => finding.fixable)) return { result: file, editCount: 0, created: [] };
  const input = fixInputOf(file, settings, workspaceRoot, packages);
  return applyProposal(file, documentFixAll(input, file.findings), settings, workspaceRoot);
}

/**
 * The package.json side of `scan --fix`, once every file of the workspace is fixed: Bedrock packages nothing
 * imports any more are removed, and the SageMaker Runtime client is added where migrated code imports it.
 * `imports` are the package specifiers of the package's files as they are now. What stays says why.
 */
export async function fixPackageJson(file: ScannedFile, imports: ReadonlySet<string>, settings: EngineSettings, workspaceRoot: string): Promise<FileFixOutcome> {
  const plan = planDependencyFix(file.document.getText(), imports);
  const proposal = plan.edits.length > 0 ? { title: '', edits: plan.edits, kind: 'quickfix' as const } : undefined;
  const outcome = await applyProposal(file, proposal, settings, workspaceRoot);
  const left = dependencyFixability(outcome.result.document.getText(), outcome.result.findings, imports);
  return { ...outcome, result: { ...outcome.result, findings: left } };
}

async function applyProposal(file: ScannedFile, proposal: FixProposal | undefined, settings: EngineSettings, workspaceRoot: string): Promise<FileFixOutcome> {
  if (!proposal || proposal.edits.length === 0) return { result: file, editCount: 0, created: [] };
  const text = file.document.getText();
  const fixedText = applyEdits(text, proposal.edits);
  const created: string[] = [];
  for (const extra of proposal.createFiles ?? []) {
    const target = resolve(workspaceRoot, extra.path);
    if (extra.ifMissing && (await exists(target))) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, extra.content, 'utf8');
    created.push(extra.path);
  }
  await writeFile(file.absolutePath, (file.hasBom ? '\uFEFF' : '') + fixedText, 'utf8');
  const reanalysed = analyze({ text: fixedText, languageId: file.languageId, settings, fileName: file.absolutePath });
  const document = TextDocument.create(file.document.uri, file.document.languageId, file.document.version + 1, fixedText);
  return { result: { ...file, document, findings: reanalysed.findings }, editCount: proposal.edits.length, created };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
