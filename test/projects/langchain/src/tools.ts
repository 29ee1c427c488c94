import "./env.js";
import { HumanMessage, ToolMessage } from "@langchain/core/messages";
import { createModel } from "./model.js";
import { usageLine } from "./usage.js";

const getWeather = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "The current weather of a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

const model = createModel().bindTools([getWeather]);
const question = new HumanMessage("What is the weather in Beijing?");
const first = await model.invoke([question]);
for (const call of first.tool_calls ?? []) console.log(`tool call: ${call.name} ${JSON.stringify(call.args)}`);
console.log(usageLine(first));

const call = first.tool_calls?.[0];
if (call?.id) {
  const result = new ToolMessage({ tool_call_id: call.id, content: `Sunny in ${String(call.args.city)}` });
  const second = await model.invoke([question, first, result]);
  console.log(`answer: ${second.text}`);
}
