import { ask, chat } from "./llm.js";

// Every model id both calls can receive, so each row of the migrated lookup table is used.
for (const fast of [true, false]) console.log(`chat ${fast ? "fast" : "full"}: ${await chat("Suggest a name for a tea house.", fast)}`);
for (const big of [true, false]) console.log(`ask ${big ? "big" : "small"}: ${await ask("Name a river in China.", big)}`);
