import "./env.js";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { createModel } from "./model.js";
import { usageLine } from "./usage.js";

const model = createModel();
const response = await model.invoke([new SystemMessage("Answer in one line."), new HumanMessage("Where is Ningxia?")]);
console.log(`text: ${response.text}`);
console.log(usageLine(response));
