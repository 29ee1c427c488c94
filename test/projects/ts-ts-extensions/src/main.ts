import { chat } from "./llm/chat.ts";
import { DEFAULTS } from "./llm/options.ts";

console.log(await chat("Summarise the Silk Road.", DEFAULTS));
