// Project trees and package.json listings, shared by the project suite (harness.ts) and the VS Code integration suite
// (which migrates two of the projects with Migrate Workspace): no process, no file outside the given root.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const BEDROCK_SDK = '@aws-sdk/client-bedrock-runtime';
export const SAGEMAKER_SDK = '@aws-sdk/client-sagemaker-runtime';

export type Tree = Map<string, Buffer>;

/** Every file of the project (forward-slash relative paths), skipping node_modules and symlinks. */
export function snapshot(root: string): Tree {
  const tree: Tree = new Map();
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stats = lstatSync(path);
      if (stats.isSymbolicLink()) continue;
      if (stats.isDirectory()) {
        if (name !== 'node_modules' && name !== '.git') visit(path);
      } else tree.set(relative(root, path).split('\\').join('/'), readFileSync(path));
    }
  };
  visit(root);
  return tree;
}

export interface TreeChanges {
  created: string[];
  modified: string[];
  deleted: string[];
}

export function compareTrees(before: Tree, after: Tree): TreeChanges {
  const created = [...after.keys()].filter((path) => !before.has(path));
  const deleted = [...before.keys()].filter((path) => !after.has(path));
  const modified = [...after.keys()].filter((path) => before.has(path) && !before.get(path)!.equals(after.get(path)!));
  return { created, modified, deleted };
}

export function isUnchanged(changes: TreeChanges): boolean {
  return changes.created.length + changes.modified.length + changes.deleted.length === 0;
}

/** A readable description of what changed between two trees: created/deleted files and a line diff per file. */
export function describeChanges(before: Tree, after: Tree, changes = compareTrees(before, after)): string {
  const parts: string[] = [];
  for (const path of changes.created) parts.push(`created ${path}:\n${indent(after.get(path)!.toString('utf8'), '+ ')}`);
  for (const path of changes.deleted) parts.push(`deleted ${path}`);
  for (const path of changes.modified) parts.push(`modified ${path}:\n${lineDiff(before.get(path)!.toString('utf8'), after.get(path)!.toString('utf8'))}`);
  return parts.join('\n');
}

/** The changed middle of two texts (common leading and trailing lines dropped), as -/+ lines. */
export function lineDiff(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const removed = a.slice(start, endA).map((line) => `- ${line}`);
  const added = b.slice(start, endB).map((line) => `+ ${line}`);
  return [`@@ line ${start + 1}`, ...removed, ...added].join('\n');
}

function indent(text: string, prefix: string): string {
  return text.split('\n').slice(0, 60).map((line) => `${prefix}${line}`).join('\n');
}

export const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
export const RUNTIME_SECTIONS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;

export type PackageJson = Partial<Record<(typeof DEPENDENCY_SECTIONS)[number], Record<string, string>>> & Record<string, unknown>;

export function sectionsListing(pkg: PackageJson, name: string, sections: readonly string[] = DEPENDENCY_SECTIONS): string[] {
  return sections.filter((section) => Object.hasOwn((pkg[section] ?? {}) as object, name));
}

const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

export function isSource(path: string): boolean {
  return SOURCE_FILE.test(path) && !path.endsWith('.d.ts');
}

/** Module specifiers a source file imports, re-exports or requires (static and dynamic). */
export function moduleSpecifiers(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?["']([^"']+)["']/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) specifiers.push(match[1]);
  return specifiers;
}
