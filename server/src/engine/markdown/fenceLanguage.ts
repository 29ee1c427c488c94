import type { ScriptLanguage } from '../types';
import type { ShellDialect } from '../shell/tokenizeShell';

/** How a code block is analysed, decided by its info string or, for unlabelled blocks, by a conservative sniff. */
export type FenceKind =
  | { kind: 'script'; languageId: ScriptLanguage; fileName: string }
  | { kind: 'python' }
  | { kind: 'shell'; dialect: ShellDialect; transcript: boolean }
  | { kind: 'data' };

const BY_LANGUAGE: Readonly<Record<string, FenceKind>> = {
  ts: script('typescript', 'fence.ts'), typescript: script('typescript', 'fence.ts'), mts: script('typescript', 'fence.mts'),
  cts: script('typescript', 'fence.cts'), tsx: script('typescriptreact', 'fence.tsx'),
  js: script('javascript', 'fence.js'), javascript: script('javascript', 'fence.js'), node: script('javascript', 'fence.js'),
  mjs: script('javascript', 'fence.mjs'), cjs: script('javascript', 'fence.cjs'), jsx: script('javascriptreact', 'fence.jsx'),
  python: { kind: 'python' }, py: { kind: 'python' }, python3: { kind: 'python' }, py3: { kind: 'python' },
  bash: shell('posix', false), sh: shell('posix', false), shell: shell('posix', false), zsh: shell('posix', false),
  console: shell('posix', true), 'shell-session': shell('posix', true), 'sh-session': shell('posix', true), 'bash-session': shell('posix', true),
  powershell: shell('powershell', false), ps1: shell('powershell', false), pwsh: shell('powershell', false), ps: shell('powershell', false),
  json: { kind: 'data' }, jsonc: { kind: 'data' }, json5: { kind: 'data' }, yaml: { kind: 'data' }, yml: { kind: 'data' },
};

function script(languageId: ScriptLanguage, fileName: string): FenceKind {
  return { kind: 'script', languageId, fileName };
}

function shell(dialect: ShellDialect, transcript: boolean): FenceKind {
  return { kind: 'shell', dialect, transcript };
}

/** `python`, `{.python}`, `python title="app.py"`, `python:app.py` → the language word, lower-cased. */
export function fenceLanguageOf(info: string): string {
  const match = /^\{?\.?([\w#+-]+)/.exec(info.trim());
  return match ? match[1].toLowerCase() : '';
}

export function fenceKindOf(info: string, text: string): FenceKind | undefined {
  const language = fenceLanguageOf(info);
  if (language) return Object.hasOwn(BY_LANGUAGE, language) ? BY_LANGUAGE[language] : undefined;
  return sniff(text);
}

// Sniffing looks only at the first line that is not blank or a comment, and only for unmistakable starts.
const SHELL_START = /^(\$\s+|PS[^>\n]*>\s+)?(?:sudo\s+)?(?:aws|awscurl|curl|npm|pnpm|yarn|pip3?)\s/;
const PYTHON_START = /^(?:from\s+[\w.]+\s+import\s|import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*\s*$)/;
const SCRIPT_START = /^(?:import\s[^'"]*\sfrom\s+['"]|import\s+['"]|(?:const|let|var)\s[^=]*=\s*(?:await\s+import|require)\(\s*['"]|export\s)/;

function sniff(text: string): FenceKind | undefined {
  const first = text.split('\n').map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('#') && !line.startsWith('//'));
  if (!first) return undefined;
  const shellMatch = SHELL_START.exec(first);
  if (shellMatch) return shell(shellMatch[1]?.startsWith('PS') ? 'powershell' : 'posix', shellMatch[1] !== undefined);
  if (PYTHON_START.test(first)) return { kind: 'python' };
  if (SCRIPT_START.test(first)) return script('typescript', 'fence.ts');
  if ((first.startsWith('{') || first.startsWith('[')) && isJson(text)) return { kind: 'data' };
  return undefined;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
