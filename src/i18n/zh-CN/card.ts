// 简体中文: card. Same keys and {{placeholders}} as the English catalog (checked by the compiler and
// by test/unit/catalogs.test.ts).
import type { Translation } from "../catalog.ts";
import type en from "../en/card.ts";

export default {} satisfies Translation<typeof en>;
