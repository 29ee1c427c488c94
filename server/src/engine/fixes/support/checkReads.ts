import ts from '../../typescript';

/**
 * What one fix check read beyond the top-level statement holding its finding, so the editor can keep its verdict
 * while an edit touches none of it (issue #13: refining ran every check on each keystroke). Reads reach other
 * statements only by name (a declaration or the references of a name), through the imports, through the other
 * findings, or by walking the whole file; the helpers that do so report it here while a check is recorded.
 */
export interface CheckReads {
  /** Names looked up anywhere in the file: a statement that mentions one of them may change the verdict. */
  readonly names: Set<string>;
  /**
   * Names whose references the check read only by how many there are, except those `plain` says no: an edit keeps the
   * verdict when the statements it replaced held as many references to the name before as after, all of them plain
   * (see referencesCounted). A name also in `names` is stale on any mention.
   */
  readonly counted: Map<string, PlainUse>;
  /** The check walked the whole file (or its style): any edit may change the verdict. */
  wholeFile: boolean;
  /** The check looked at the other findings. */
  findings: boolean;
  /** The rules whose findings (and no others) the check looked at: an edit that changes only other findings keeps it. */
  readonly findingRules: Set<string>;
  /**
   * Inside the top-level statement: names looked up in a block or function holding the finding (their declarations
   * or references there; the statement mentioning one may change the verdict), and whether the check walked such a
   * scope whole. Only a transform that reads its statement no other way (FixTransform.checkReadsByName) is kept
   * across an edit of that statement on them (refinementReuse.ts).
   */
  readonly localNames: Set<string>;
  localWalk: boolean;
}

/** True for a reference whose place the check does not look at beyond counting it. */
export type PlainUse = (use: ts.Identifier) => boolean;

/**
 * Told of each read beyond the statement as it starts (before the check looks there): the editor settles the
 * positions of the statements it reaches (shiftNodes.ts).
 */
export interface ReadObserver {
  name(name: string): void;
  findings(): void;
  wholeFile(): void;
}

let active: CheckReads | undefined;
let observer: ReadObserver | undefined;

/** Runs `check`, recording what it reads (and telling `observe` as it reads). */
export function recordReads<T>(check: () => T, observe?: ReadObserver): { value: T; reads: CheckReads } {
  const outer = { active, observer };
  const reads: CheckReads = {
    names: new Set(), counted: new Map(), wholeFile: false, findings: false, findingRules: new Set(), localNames: new Set(), localWalk: false,
  };
  active = reads;
  observer = observe;
  try {
    return { value: check(), reads };
  } finally {
    ({ active, observer } = outer);
  }
}

/**
 * Adds what a computation shared by several checks read (recorded once, see recordReads) to the check now being
 * recorded: a check that reuses the result depends on the same reads.
 */
export function replayReads(reads: CheckReads): void {
  if (!active) return;
  for (const name of reads.names) active.names.add(name);
  for (const [name, plain] of reads.counted) countName(name, plain);
  active.wholeFile ||= reads.wholeFile;
  active.findings ||= reads.findings;
  for (const rule of reads.findingRules) active.findingRules.add(rule);
  for (const name of reads.localNames) active.localNames.add(name);
  active.localWalk ||= reads.localWalk;
}

/** A lookup of `name` (its declaration or its references) under `root`; only a whole-file lookup leaves the statement. */
export function readName(root: ts.Node, name: string): void {
  if (!active) return;
  if (!ts.isSourceFile(root)) {
    active.localNames.add(name);
    return;
  }
  active.names.add(name);
  observer?.name(name);
}

/** A whole-file lookup of the references to `name` that reads them as readName does, but see CheckReads.counted. */
export function readCounted(root: ts.Node, name: string, plain: PlainUse): void {
  if (!active) return;
  if (!ts.isSourceFile(root)) {
    active.localNames.add(name);
    return;
  }
  countName(name, plain);
  observer?.name(name);
}

function countName(name: string, plain: PlainUse): void {
  const known = active!.counted.get(name);
  // Two checks' ways of reading the same name: a reference is plain only to both.
  active!.counted.set(name, known && known !== plain ? (use) => known(use) && plain(use) : plain);
}

/** A walk of everything under `root`. */
export function readAll(root: ts.Node): void {
  if (ts.isSourceFile(root)) readWholeFile();
  else if (active) active.localWalk = true;
}

export function readWholeFile(): void {
  if (!active) return;
  active.wholeFile = true;
  observer?.wholeFile();
}

/** A look at the findings: of these rules only, or (without) of every rule. */
export function readFindings(rules?: readonly string[]): void {
  if (!active) return;
  if (rules) for (const rule of rules) active.findingRules.add(rule);
  else active.findings = true;
  observer?.findings();
}
