import type { Severity } from '../../engine/types';
import type { OutputStream } from './reporter';

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  severity(severity: Severity, text: string): string;
}

const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, information: 36, hint: 90 };

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function createStyle(stream: OutputStream, env: NodeJS.ProcessEnv): Style {
  const enabled = stream.isTTY === true && !env.NO_COLOR;
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    underline: wrap(4, 24),
    severity: (severity, text) => wrap(SEVERITY_COLOR[severity], 39)(text),
  };
}
