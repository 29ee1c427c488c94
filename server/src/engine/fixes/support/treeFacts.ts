import ts from '../../typescript';
import { ObjectCache } from '../../objectCache';

// `ts.SyntaxKind` is a getter on TypeScript's export table: read once, not for every token or node of a large file.
const SyntaxKind = ts.SyntaxKind;

/**
 * What the fixes ask about a whole tree (its quote and semicolon habits, how it loads modules, the names it
 * declares, how its relative imports end), gathered in one walk per tree: on a large file each question used to
 * be a walk of its own, several times per rewrite pass.
 */
export interface TreeFacts {
  doubleQuoted: number;
  singleQuoted: number;
  withSemicolon: number;
  withoutSemicolon: number;
  hasImportDeclaration: boolean;
  hasRequireCall: boolean;
  /** Names of declarations: imports, variables, functions, classes, parameters, types... */
  declared: ReadonlySet<string>;
  /** Relative module specifiers by ending: `./x.js`, `./x.ts`, `./x`. */
  relativeImports: { js: number; ts: number; none: number };
}

const factsOfTree = new ObjectCache<ts.SourceFile, TreeFacts>('treeFacts', 'sourceFile');

/**
 * The facts of each top-level statement, kept while the statement object lives: the incremental parses of the fix
 * passes (and of the editor) keep every statement an edit did not touch, so a new tree walks only its new ones.
 */
const factsOfStatement = new ObjectCache<ts.Statement, TreeFacts>('statementFacts', 'statement');

export function treeFacts(sourceFile: ts.SourceFile): TreeFacts {
  let facts = factsOfTree.get(sourceFile);
  if (!facts) {
    facts = emptyFacts();
    const declared = new Set<string>();
    for (const statement of sourceFile.statements) {
      let own = factsOfStatement.get(statement);
      if (!own) {
        own = gather(statement, sourceFile);
        factsOfStatement.set(statement, own);
      }
      add(facts, own, declared);
    }
    facts.declared = declared;
    factsOfTree.set(sourceFile, facts);
  }
  return facts;
}

function emptyFacts(): TreeFacts {
  return {
    doubleQuoted: 0, singleQuoted: 0, withSemicolon: 0, withoutSemicolon: 0, hasImportDeclaration: false, hasRequireCall: false,
    declared: new Set(), relativeImports: { js: 0, ts: 0, none: 0 },
  };
}

function add(total: TreeFacts, own: TreeFacts, declared: Set<string>): void {
  total.doubleQuoted += own.doubleQuoted;
  total.singleQuoted += own.singleQuoted;
  total.withSemicolon += own.withSemicolon;
  total.withoutSemicolon += own.withoutSemicolon;
  total.hasImportDeclaration ||= own.hasImportDeclaration;
  total.hasRequireCall ||= own.hasRequireCall;
  for (const name of own.declared) declared.add(name);
  total.relativeImports.js += own.relativeImports.js;
  total.relativeImports.ts += own.relativeImports.ts;
  total.relativeImports.none += own.relativeImports.none;
}

/** The facts of one top-level statement of `sourceFile` (whose positions are exact: nothing lags, see shiftNodes.ts). */
function gather(statement: ts.Statement, sourceFile: ts.SourceFile): TreeFacts {
  const text = sourceFile.text;
  const facts = emptyFacts();
  const declared = facts.declared as Set<string>;
  const visit = (node: ts.Node): void => {
    // One switch on the kind: this runs on every node of the file.
    switch (node.kind) {
      case SyntaxKind.StringLiteral:
        if (text.charAt(node.getStart(sourceFile)) === '"') facts.doubleQuoted++;
        else facts.singleQuoted++;
        break;
      case SyntaxKind.ImportDeclaration:
        facts.hasImportDeclaration = true;
        countSemicolon(node);
        countRelativeImport(node, facts.relativeImports);
        break;
      case SyntaxKind.VariableStatement:
      case SyntaxKind.ExpressionStatement:
      case SyntaxKind.ReturnStatement:
      case SyntaxKind.ThrowStatement:
        countSemicolon(node);
        break;
      case SyntaxKind.CallExpression: {
        const callee = (node as ts.CallExpression).expression;
        if (ts.isIdentifier(callee) && callee.text === 'require') facts.hasRequireCall = true;
        countRelativeImport(node, facts.relativeImports);
        break;
      }
      case SyntaxKind.ExportDeclaration:
        countRelativeImport(node, facts.relativeImports);
        break;
      default: {
        const name = declarationName(node);
        if (name !== undefined) declared.add(name);
      }
    }
    ts.forEachChild(node, visit);
  };
  const countSemicolon = (node: ts.Node): void => {
    if (text.charAt(node.getEnd() - 1) === ';') facts.withSemicolon++;
    else facts.withoutSemicolon++;
  };
  visit(statement);
  return facts;
}

/** The name a declaration (import, variable, function, class, parameter, binding, type...) gives, if an identifier. */
export function declarationName(node: ts.Node): string | undefined {
  const name = (node as { name?: ts.Node }).name;
  if (!name || !ts.isIdentifier(name)) return undefined;
  return ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isParameter(node)
    || ts.isImportSpecifier(node) || ts.isNamespaceImport(node) || ts.isImportClause(node) || ts.isBindingElement(node)
    || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node) || ts.isImportEqualsDeclaration(node)
    ? name.text : undefined;
}

function countRelativeImport(node: ts.Node, counts: TreeFacts['relativeImports']): void {
  let specifier: string | undefined;
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
    specifier = node.moduleSpecifier.text;
  } else if (ts.isCallExpression(node) && (ts.isIdentifier(node.expression) && node.expression.text === 'require' || node.expression.kind === SyntaxKind.ImportKeyword)
    && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
    specifier = node.arguments[0].text;
  }
  if (!specifier?.startsWith('.')) return;
  if (/\.[cm]?js$/.test(specifier)) counts.js++;
  else if (/\.[cm]?tsx?$/.test(specifier)) counts.ts++;
  else if (!/\.(json|css|node)$/.test(specifier)) counts.none++;
}
