import * as l10n from '@vscode/l10n';
import { isFileMigrationFinding, notFixed } from '../fixes';
import { isChatModelFinding } from '../fixes/transforms/rewriteLangChain';
import type { Finding } from '../types';
import { relativeImportsOf, resolveLocalImport } from './localImports';

/** A script file of the workspace with its findings (fixability already refined for the file on its own). */
export interface GroupCandidate {
  /** Workspace-relative, `/` separators. */
  path: string;
  text: string;
  findings: readonly Finding[];
}

/**
 * Files that import each other and both use Bedrock Runtime exchange its clients, commands and types: migrating
 * one and not the other leaves code that sends Bedrock commands to a SageMaker client or reads adapter types
 * as Bedrock ones. Such files move together: when any of them cannot be migrated, the others are held back too.
 * Returns the held-back files with the reason, for `holdBack`.
 */
export function heldBackFiles(candidates: readonly GroupCandidate[]): Map<string, string> {
  const members = candidates.filter((candidate) => candidate.findings.some(movesWithItsGroup));
  // A file is held back only with another member of its group: one member alone needs no look at the imports
  // (on a large file that look is a whole parse).
  if (members.length < 2) return new Map();
  const byPath = new Map(members.map((member) => [member.path, member]));
  const known = new Set(byPath.keys());
  const neighbours = new Map<string, Set<string>>(members.map((member) => [member.path, new Set<string>()]));
  for (const member of members) {
    for (const specifier of relativeImportsOf(member.text)) {
      const target = resolveLocalImport(member.path, specifier, known);
      if (!target || target === member.path) continue;
      neighbours.get(member.path)!.add(target);
      neighbours.get(target)!.add(member.path);
    }
  }
  const held = new Map<string, string>();
  const seen = new Set<string>();
  for (const member of members) {
    if (seen.has(member.path)) continue;
    const group = component(member.path, neighbours, seen);
    const stuck = group.map((path) => byPath.get(path)!).find((file) => !isWhole(file));
    if (!stuck || group.length === 1) continue;
    const why = stuckReason(stuck);
    for (const path of group) {
      if (path === stuck.path) continue;
      held.set(path, l10n.t('it exchanges Bedrock clients or types with {0}, which is not migrated ({1}); migrating one without the other would not compile', stuck.path, why));
    }
  }
  return held;
}

/** A held-back file's findings: those fix-all would have fixed are left, with the reason. */
export function holdBack(findings: readonly Finding[], reason: string): Finding[] {
  return findings.map((finding) => (finding.fixable ? notFixed(finding, reason) : finding));
}

function component(start: string, neighbours: ReadonlyMap<string, ReadonlySet<string>>, seen: Set<string>): string[] {
  const group: string[] = [];
  const queue = [start];
  seen.add(start);
  while (queue.length > 0) {
    const path = queue.shift()!;
    group.push(path);
    for (const next of neighbours.get(path) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return group;
}

/**
 * Findings whose fix changes what a file exports or expects from its neighbours: the Bedrock Runtime migration, and
 * a LangChain chat model moving to the SageMaker chat model module (a neighbour typed with ChatBedrockConverse breaks).
 */
export function movesWithItsGroup(finding: Finding): boolean {
  return isFileMigrationFinding(finding) || isChatModelFinding(finding);
}

/** Every finding of its file migration is fixed by fix-all. */
function isWhole(file: GroupCandidate): boolean {
  return file.findings.filter(movesWithItsGroup).every((finding) => finding.fixable);
}

function stuckReason(file: GroupCandidate): string {
  const finding = file.findings.find((candidate) => movesWithItsGroup(candidate) && !candidate.fixable);
  const reason = finding?.data.notFixed;
  return typeof reason === 'string' ? reason : l10n.t('it has no automatic fix');
}
