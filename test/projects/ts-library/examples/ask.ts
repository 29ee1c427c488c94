import { Chat, createClient, describeToolResult, type ToolResultContentBlock } from "../src/index.js";

const weather: ToolResultContentBlock[] = [{ text: "Hangzhou:" }, { json: { tempC: 21, sky: "clear" } }];

const chat = new Chat(createClient(), { maxTokens: 120 });
console.log(await chat.say("Plan a day in Hangzhou."));
console.log(await chat.say(`The weather tool said: ${describeToolResult(weather)}. Adjust the plan.`));
console.log(`turns: ${chat.history.length}`);
