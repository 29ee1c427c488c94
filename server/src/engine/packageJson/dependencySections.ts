import { type Node, type ParseError, findNodeAtLocation, parseTree } from '../jsonc';
import type { OffsetRange } from '../types';

// The dependency sections of a package.json, read with a real JSON parser. Offsets are into the text as given
// (a leading BOM included), so edits computed from them apply to that text.

export const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
export type DependencySection = (typeof DEPENDENCY_SECTIONS)[number];

export interface DependencyEntry {
  name: string;
  section: DependencySection;
  /** The key string, quotes included: where a finding points. */
  keyRange: OffsetRange;
  /** The value, quotes included when it is a string. */
  valueRange: OffsetRange;
  /** The whole member, `"name": "range"`. */
  memberRange: OffsetRange;
  /** The version range when the value is a string. */
  version?: string;
}

export interface SectionObject {
  section: DependencySection;
  /** The object value, braces included. */
  range: OffsetRange;
  entries: DependencyEntry[];
}

export interface PackageJsonDependencies {
  /** Sections present as objects, in file order. */
  sections: SectionObject[];
}

const BOM = '\uFEFF';

/** Undefined when the text is not a JSON object without syntax errors (npm would refuse it too). Never throws. */
export function readDependencySections(text: string): PackageJsonDependencies | undefined {
  const shift = text.startsWith(BOM) ? BOM.length : 0;
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(shift ? text.slice(shift) : text, errors, { allowTrailingComma: false, disallowComments: true });
  } catch {
    return undefined;
  }
  if (!root || errors.length > 0 || root.type !== 'object') return undefined;
  const at = (node: Node): OffsetRange => ({ start: node.offset + shift, end: node.offset + node.length + shift });
  const sections: SectionObject[] = [];
  for (const section of DEPENDENCY_SECTIONS) {
    const value = findNodeAtLocation(root, [section]);
    if (value?.type !== 'object') continue;
    const entries: DependencyEntry[] = [];
    for (const dependency of value.children ?? []) {
      const [name, version] = dependency.children ?? [];
      if (!name || !version || typeof name.value !== 'string') continue;
      entries.push({
        name: name.value, section, keyRange: at(name), valueRange: at(version), memberRange: at(dependency),
        ...(version.type === 'string' ? { version: version.value as string } : {}),
      });
    }
    sections.push({ section, range: at(value), entries });
  }
  sections.sort((a, b) => a.range.start - b.range.start);
  return { sections };
}
