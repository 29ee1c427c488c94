// A Bedrock-heavy TypeScript file that the fixes can migrate, of any size (typing and fix benchmarks, work-per-edit
// tests): the shape of a real service module, with plain code between Converse calls, Llama InvokeModel calls whose
// parsed response is read in place, and model id constants.

/** Plain TypeScript: a type, a validator and a small store, with the usual mix of expressions. */
function plainBlock(i: number): string {
  return `
export type Ticket${i} = { id: number; title: string; tags: string[]; done?: boolean };
export function validTicket${i}(ticket: Ticket${i}): boolean {
  if (ticket.title.trim().length === 0) return false;
  return ticket.tags.every((tag) => /^[a-z-]+$/.test(tag)) && ticket.id > ${i};
}
export const store${i} = {
  tickets: [] as Ticket${i}[],
  add(ticket: Ticket${i}) { if (validTicket${i}(ticket)) this.tickets.push(ticket); },
  open() { return this.tickets.filter((ticket) => !ticket.done).length; },
};
`;
}

/** A Bedrock use the file migration rewrites (three forms rotate). */
function bedrockBlock(i: number): string {
  switch (i % 3) {
    case 0:
      return `
export async function chat${i}(question: string) {
  const response = await client.send(new ConverseCommand({
    modelId: "meta.llama3-1-8b-instruct-v1:0",
    messages: [{ role: "user", content: [{ text: question }] }],
    inferenceConfig: { maxTokens: 512 },
  }));
  return response.output?.message?.content?.[0]?.text ?? "";
}
`;
    case 1:
      return `
export async function complete${i}(prompt: string): Promise<string> {
  const response = await client.send(new InvokeModelCommand({ modelId: "meta.llama3-8b-instruct-v1:0", body: JSON.stringify({ prompt, max_gen_len: 256 }) }));
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.generation;
}
`;
    default:
      return `\nexport const MODEL_${i} = "meta.llama3-70b-instruct-v1:0";\n`;
  }
}

const HEADER = `import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
const client = new BedrockRuntimeClient({ region: "us-east-1" });
`;

/** About `lines` lines with one Bedrock use per `linesPerUse` lines (at least one), spread evenly. */
export function generateMigratableFile(lines: number, linesPerUse = 100): string {
  const parts = [HEADER];
  const blocks = Math.ceil(lines / 12);
  const uses = Math.max(1, Math.round(lines / linesPerUse));
  const every = Math.max(1, Math.floor(blocks / uses));
  for (let i = 0; i < blocks; i++) {
    parts.push(plainBlock(i));
    if (i % every === 0 && i / every < uses) parts.push(bedrockBlock(i));
  }
  return parts.join('');
}
