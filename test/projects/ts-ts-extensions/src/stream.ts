import { chatStream } from "./llm/chat.ts";
import { complete } from "./llm/complete.ts";

let streamed = "";
for await (const piece of chatStream("What is a pagoda?", { maxTokens: 32 })) streamed += piece;
console.log(`chat: ${streamed}`);
console.log(`complete: ${await complete("The capital of Sichuan is")}`);
