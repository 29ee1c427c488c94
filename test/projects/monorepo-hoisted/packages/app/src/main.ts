import { complete, summarize } from "@mono/llm";

const summary = await summarize("The Three Gorges Dam spans the Yangtze River near Yichang.");
console.log(`summary: ${summary}`);
console.log(`completion: ${await complete("Beijing is")}`);
