// Tokenizes text with the real TextMate engine (vscode-textmate + the Oniguruma WASM VS Code uses), loading our
// injection grammar exactly as package.json contributes it and VS Code's own TS/JS/Markdown grammars as hosts
// (vendored under test/fixtures/grammar/hosts, see the README there).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import { REPO_ROOT } from './lspServerBuild';

const HOSTS = join(REPO_ROOT, 'test', 'fixtures', 'grammar', 'hosts');
/** Host grammars by scope name: the ones our injection is contributed to. */
const HOST_FILES: Readonly<Record<string, string>> = {
  'source.ts': 'TypeScript.tmLanguage.json',
  'source.tsx': 'TypeScriptReact.tmLanguage.json',
  'source.js': 'JavaScript.tmLanguage.json',
  'source.js.jsx': 'JavaScriptReact.tmLanguage.json',
  'text.html.markdown': 'markdown.tmLanguage.json',
};

interface GrammarContribution { scopeName: string; path: string; injectTo?: string[] }
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
export const contributions: GrammarContribution[] = manifest.contributes.grammars;
export const INJECTION_SCOPE = 'bedrock-to-sagemaker.model-id.injection';
/** Scopes our grammar gives; every highlighted token carries one of them. */
export const OUR_SCOPE_SUFFIX = '.bedrock-to-sagemaker';

let registry: Registry | undefined;
const loaded = new Map<string, Promise<IGrammar>>();

function createRegistry(): Registry {
  const wasm = readFileSync(join(REPO_ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  const onigLib = loadWASM(wasm).then(() => ({ createOnigScanner, createOnigString }));
  return new Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const ours = contributions.find((contribution) => contribution.scopeName === scopeName);
      const path = ours ? join(REPO_ROOT, ours.path) : HOST_FILES[scopeName] && join(HOSTS, HOST_FILES[scopeName]);
      // Grammars a host embeds that we do not ship (source.python in a Markdown fence...) stay unresolved, as in a
      // VS Code without that language.
      return path ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    // As VS Code does with `injectTo`: our grammar is offered to every host scope it lists.
    getInjections: (scopeName) => contributions.filter((contribution) => contribution.injectTo?.includes(scopeName)).map((contribution) => contribution.scopeName),
  });
}

export function grammarFor(scopeName: string): Promise<IGrammar> {
  registry ??= createRegistry();
  let grammar = loaded.get(scopeName);
  if (!grammar) {
    grammar = registry.loadGrammar(scopeName).then((result) => {
      if (!result) throw new Error(`no grammar for ${scopeName}`);
      return result;
    });
    loaded.set(scopeName, grammar);
  }
  return grammar;
}

export interface Token { line: number; startColumn: number; text: string; scopes: string[] }

/** Every token of every line (1-based line numbers, 0-based columns). */
export async function tokenize(scopeName: string, text: string): Promise<Token[]> {
  const grammar = await grammarFor(scopeName);
  const tokens: Token[] = [];
  let state: StateStack = INITIAL;
  text.split(/\r?\n/).forEach((lineText, index) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const token of result.tokens) {
      const end = Math.min(token.endIndex, lineText.length);
      if (end > token.startIndex) tokens.push({ line: index + 1, startColumn: token.startIndex, text: lineText.slice(token.startIndex, end), scopes: token.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}

export const isOurs = (token: Token): boolean => token.scopes.some((scope) => scope.endsWith(OUR_SCOPE_SUFFIX));

/** The texts our grammar highlights, in order. */
export async function highlighted(scopeName: string, text: string): Promise<string[]> {
  return (await tokenize(scopeName, text)).filter(isOurs).map((token) => token.text);
}
