// The sandbox's small workspace: who is in it and which channels the bot uses.
import { BOT_USER } from "./slackStandIn.ts";

export type Person = { id: string; name: string; role: "agent" | "lead" | "outside the team" };
export type Channel = { id: string; name: string; purpose: string };

export const PEOPLE: Person[] = [
  { id: "U0SBXMEI", name: "Mei Chen", role: "agent" },
  { id: "U0SBXTOM", name: "Tom Becker", role: "agent" },
  { id: "U0SBXLENA", name: "Lena Park", role: "lead" },
  { id: "U0SBXSAM", name: "Sam Ortiz", role: "outside the team" },
];

export const CHANNELS = {
  cases: { id: "C0SBXCASES", name: "after-sales-cases", purpose: "New cases arrive here as cards." },
  escalations: {
    id: "C0SBXESCALATE",
    name: "after-sales-escalations",
    purpose: "Cases past their first-reply deadline.",
  },
  crisis: { id: "C0SBXCRISIS", name: "after-sales-crisis", purpose: "Return waves and Order Defect Rate alerts." },
  digest: { id: "C0SBXDIGEST", name: "after-sales-weekly", purpose: "The weekly triage summary." },
} satisfies Record<string, Channel>;

export const BOT = { id: BOT_USER, name: "After-sales desk" };

export function personName(id: string): string {
  return PEOPLE.find((p) => p.id === id)?.name ?? (id === BOT.id ? BOT.name : id);
}
