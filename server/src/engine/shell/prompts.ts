import type { ShellDialect } from './tokenizeShell';

// `$ `, `% `, `❯ ` and PowerShell's `PS> ` / `PS C:\work> ` at the start of a line.
const PROMPT = /^[ \t]*(?:\$|%|❯|PS(?: [^>\r\n]*)?>)[ \t]/;

/**
 * Blanks what the shell would not run, keeping every offset: prompts, and in a console transcript every
 * line that is neither a prompted command nor a continuation of one (that is command output).
 */
export function maskPromptsAndOutput(text: string, transcript: boolean, dialect: ShellDialect): string {
  const escape = dialect === 'powershell' ? '`' : '\\';
  let continued = false;
  return text.split('\n').map((line) => {
    // A continuation line belongs to the command above, whatever it starts with.
    const prompt = continued ? null : PROMPT.exec(line);
    const isCommand = continued || prompt !== null || !transcript;
    continued = isCommand && line.replace(/\r$/, '').endsWith(escape);
    if (!isCommand) return blank(line);
    return prompt ? blank(prompt[0]) + line.slice(prompt[0].length) : line;
  }).join('\n');
}

function blank(text: string): string {
  return text.replace(/[^\r]/g, ' ');
}
