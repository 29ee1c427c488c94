// Deterministic generators for the benchmarks: a large TypeScript file and a synthetic workspace.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Plain TypeScript that does not touch Bedrock: classes, interfaces, functions, generics. */
function plainBlock(i: number): string {
  return `
export interface Order${i} { id: string; total: number; items: Array<{ sku: string; qty: number }>; }
export function priceOf${i}(order: Order${i}, discount = 0.1): number {
  const subtotal = order.items.reduce((sum, item) => sum + item.qty * ${i % 7 + 1}, 0);
  return Math.round((subtotal - subtotal * discount) * 100) / 100;
}
export class Repository${i}<T extends { id: string }> {
  private readonly rows = new Map<string, T>();
  save(row: T): void { this.rows.set(row.id, row); }
  find(id: string): T | undefined { return this.rows.get(id); }
}
`;
}

/** A Bedrock use (three forms rotate): Converse, InvokeModel with a Llama body, a model id constant. */
function bedrockBlock(i: number): string {
  switch (i % 3) {
    case 0:
      return `
export async function chat${i}(question: string) {
  const out = await client.send(new ConverseCommand({ modelId: "meta.llama3-1-8b-instruct-v1:0", messages: [{ role: "user", content: [{ text: question }] }] }));
  return out.output?.message?.content?.[0]?.text;
}
`;
    case 1:
      return `
export async function summarize${i}(text: string) {
  const out = await client.send(new InvokeModelCommand({ modelId: "us.deepseek.r1-v1:0", body: JSON.stringify({ prompt: text, max_tokens: 256 }) }));
  return JSON.parse(new TextDecoder().decode(out.body));
}
`;
    default:
      return `\nexport const MODEL_${i} = "meta.llama3-70b-instruct-v1:0";\n`;
  }
}

const HEADER = `import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
const client = new BedrockRuntimeClient({ region: "us-east-1" });
`;

/** About `lines` lines of TypeScript with `uses` Bedrock blocks spread evenly. */
export function generateLargeFile(lines: number, uses: number): string {
  const parts = [HEADER];
  const blocks = Math.ceil(lines / 12);
  const every = Math.max(1, Math.floor(blocks / uses));
  for (let i = 0; i < blocks; i++) {
    parts.push(plainBlock(i));
    if (i % every === 0 && i / every < uses) parts.push(bedrockBlock(i));
  }
  return parts.join('');
}

/** A workspace of `files` small TS files in nested folders; `bedrockShare` of them use Bedrock. */
export function generateWorkspace(root: string, files: number, bedrockShare: number): void {
  const withBedrock = Math.round(files * bedrockShare);
  const stride = Math.floor(files / withBedrock);
  for (let i = 0; i < files; i++) {
    const dir = join(root, `pkg${i % 50}`, `mod${i % 7}`);
    mkdirSync(dir, { recursive: true });
    const usesBedrock = i % stride === 0 && i / stride < withBedrock;
    const body = [plainBlock(i), plainBlock(i + 1), plainBlock(i + 2), plainBlock(i + 3)].join('');
    writeFileSync(join(dir, `file${i}.ts`), usesBedrock ? HEADER + bedrockBlock(i) + body : body);
  }
}
