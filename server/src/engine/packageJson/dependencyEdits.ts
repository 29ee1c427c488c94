import { applyEdits, composeEdits } from '../textEdits';
import type { TextEdit } from '../fixTypes';
import { BEDROCK_RUNTIME_PACKAGE, SAGEMAKER_RUNTIME_PACKAGE, bedrockDependency } from '../catalog/bedrockDependency';
import { type DependencyEntry, type PackageJsonDependencies, type SectionObject, readDependencySections } from './dependencySections';
import { isWrapperPackage, sageMakerRuntimeAnchor, sectionsMissingForWrappers, sectionsMissingSageMakerRuntime } from './sageMakerTargets';
import { detectEol, indentationBefore, isPlainSeparator } from './textStyle';
import { sageMakerRuntimeRange } from './versionRange';

export interface DependencyEditOptions {
  /** Add `@aws-sdk/client-sagemaker-runtime` beside `@aws-sdk/client-bedrock-runtime` (where it is missing). */
  addSageMakerRuntime: boolean;
  /** Bedrock packages to remove from every section; the caller knows no file imports them any more. Other names are ignored. */
  removable: readonly string[];
  /**
   * Packages the modules written for migrated wrapper code import (the SageMaker Runtime client, `@langchain/core`),
   * added beside the Bedrock wrapper package where missing.
   */
  wrapperNeeds?: readonly string[];
}

/** The range a package added for migrated wrapper code gets (the SageMaker Runtime client's comes from the file's AWS SDK ranges). */
const WRAPPER_NEED_RANGES: Readonly<Record<string, string>> = { '@langchain/core': '^1.0.0' };

/**
 * Minimal edits of a package.json text: one inserted member per section that needs the SageMaker Runtime client,
 * one deleted member (with its comma) per removed Bedrock entry. Indentation, line endings, key order, the final
 * newline and a BOM are kept; nothing else is re-serialised. Malformed JSON gives no edits. Running it again on
 * the result gives no edits.
 */
export function dependencyEdits(packageJsonText: string, options: DependencyEditOptions): TextEdit[] {
  const initial = readDependencySections(packageJsonText);
  if (!initial) return [];
  let current = packageJsonText;
  let edits: TextEdit[] = [];
  // One change at a time on the text so far, re-parsed each time, folded into edits of the original text.
  const step = (change: (text: string, dependencies: PackageJsonDependencies) => TextEdit | undefined): boolean => {
    const dependencies = readDependencySections(current);
    const edit = dependencies && change(current, dependencies);
    if (!edit) return false;
    edits = composeEdits(packageJsonText, edits, [edit]);
    current = applyEdits(current, [edit]);
    return true;
  };
  if (options.addSageMakerRuntime) {
    for (const target of sectionsMissingSageMakerRuntime(initial).map((section) => section.section)) {
      step((text, dependencies) => {
        const section = dependencies.sections.find((candidate) => candidate.section === target);
        return section && insertSageMakerRuntime(text, dependencies, section);
      });
    }
  }
  for (const name of options.wrapperNeeds ?? []) {
    for (const target of sectionsMissingForWrappers(initial, name).map((section) => section.section)) {
      step((text, dependencies) => {
        const section = dependencies.sections.find((candidate) => candidate.section === target);
        const anchor = section?.entries.find((entry) => isWrapperPackage(entry.name));
        if (!section || !anchor || sectionsMissingForWrappers(dependencies, name).every((missing) => missing.section !== target)) return undefined;
        const range = WRAPPER_NEED_RANGES[name] ?? sageMakerRuntimeRange(dependencies, undefined);
        return insertMember(text, section, anchor, name, range);
      });
    }
  }
  const removable = new Set(options.removable.filter((name) => bedrockDependency(name)));
  const entryToRemove = (dependencies: PackageJsonDependencies) => {
    for (const section of dependencies.sections) {
      const index = section.entries.findIndex((entry) => removable.has(entry.name));
      if (index >= 0) return { section, index };
    }
    return undefined;
  };
  const removeNext = (_text: string, dependencies: PackageJsonDependencies) => {
    const found = entryToRemove(dependencies);
    return found && removeMember(found.section, found.index);
  };
  while (step(removeNext)) {
    // one entry per step: the next one is found in the re-parsed text
  }
  return edits.map((edit) => trimUnchanged(packageJsonText, edit)).filter((edit) => edit.newText !== '' || edit.range.start !== edit.range.end);
}

/** The edit without the text it leaves as it was at both ends (folding steps can leave some), never splitting `\r\n` or a surrogate pair. */
function trimUnchanged(original: string, edit: TextEdit): TextEdit {
  const old = original.slice(edit.range.start, edit.range.end);
  const limit = Math.min(old.length, edit.newText.length);
  let prefix = 0;
  while (prefix < limit && old[prefix] === edit.newText[prefix]) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && old[old.length - 1 - suffix] === edit.newText[edit.newText.length - 1 - suffix]) suffix++;
  const splits = (text: string, at: number) => at > 0 && at < text.length && (
    (text[at - 1] === '\r' && text[at] === '\n') || (isHighSurrogate(text.charCodeAt(at - 1)) && !isHighSurrogate(text.charCodeAt(at))));
  while (prefix > 0 && (splits(old, prefix) || splits(edit.newText, prefix))) prefix--;
  while (suffix > 0 && (splits(old, old.length - suffix) || splits(edit.newText, edit.newText.length - suffix))) suffix--;
  return {
    range: { start: edit.range.start + prefix, end: edit.range.end - suffix },
    newText: edit.newText.slice(prefix, edit.newText.length - suffix),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function insertSageMakerRuntime(text: string, dependencies: PackageJsonDependencies, section: SectionObject): TextEdit | undefined {
  const anchor = sageMakerRuntimeAnchor(section);
  if (!anchor) return undefined;
  // Only the Bedrock runtime client's range is an AWS SDK v3 range the SageMaker client can share.
  const range = sageMakerRuntimeRange(dependencies, anchor.name === BEDROCK_RUNTIME_PACKAGE ? anchor.version : undefined);
  return insertMember(text, section, anchor, SAGEMAKER_RUNTIME_PACKAGE, range);
}

/** Inserts `"name": "range"` in sorted position (else after `anchor`), in the section's own layout. */
function insertMember(text: string, section: SectionObject, anchor: DependencyEntry, name: string, range: string): TextEdit {
  const entries = section.entries;
  const anchorIndex = entries.indexOf(anchor);
  const colon = text.slice(anchor.keyRange.end, anchor.valueRange.start);
  const member = `${JSON.stringify(name)}${isColon(colon) ? colon : ': '}${JSON.stringify(range)}`;
  const order = sortOrder(entries.map((entry) => entry.name));
  const position = order ? entries.filter((entry) => order(entry.name, name) < 0).length : anchorIndex + 1;
  const separator = memberSeparator(text, section, position);
  if (position === entries.length) {
    const at = entries[entries.length - 1].memberRange.end;
    return { range: { start: at, end: at }, newText: `${separator}${member}` };
  }
  const at = entries[position].memberRange.start;
  return { range: { start: at, end: at }, newText: `${member}${separator}` };
}

/** Deletes one member and the separator that goes with it; the last member of a section leaves `{}`. */
function removeMember(section: SectionObject, index: number): TextEdit {
  const entries = section.entries;
  if (entries.length === 1) return { range: { start: section.range.start + 1, end: section.range.end - 1 }, newText: '' };
  if (index < entries.length - 1) return { range: { start: entries[index].memberRange.start, end: entries[index + 1].memberRange.start }, newText: '' };
  return { range: { start: entries[index - 1].memberRange.end, end: entries[index].memberRange.end }, newText: '' };
}

/**
 * What goes between two members where the new one lands: the section's own gap there (`,` + line break +
 * indentation, or `, `), else one built from the file's line break and the member's indentation.
 */
function memberSeparator(text: string, section: SectionObject, position: number): string {
  const entries = section.entries;
  if (entries.length >= 2) {
    const after = Math.min(Math.max(position, 1), entries.length - 1);
    const gap = text.slice(entries[after - 1].memberRange.end, entries[after].memberRange.start);
    if (gap.includes(',') && isPlainSeparator(gap)) return gap;
  }
  const first = entries[0].memberRange.start;
  const opening = text.slice(section.range.start + 1, first);
  const indentation = indentationBefore(text, first);
  return (opening.includes('\n') || opening.includes('\r')) && indentation !== undefined ? `,${detectEol(text)}${indentation}` : ', ';
}

/** `:` with spaces or tabs around it, as written between the anchor's key and value. */
function isColon(text: string): boolean {
  return [...text].filter((ch) => ch === ':').length === 1 && [...text].every((ch) => ch === ':' || ch === ' ' || ch === '\t');
}

type Order = (a: string, b: string) => number;
const LOCALE_ORDER: Order = (a, b) => a.localeCompare(b, 'en');
const CODE_UNIT_ORDER: Order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The order the section's keys are sorted in (npm's, else plain code units), or undefined when they are not sorted. */
function sortOrder(names: readonly string[]): Order | undefined {
  return [LOCALE_ORDER, CODE_UNIT_ORDER].find((order) => names.every((name, i) => i === 0 || order(names[i - 1], name) <= 0));
}

