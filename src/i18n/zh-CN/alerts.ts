// 简体中文: alerts. Same keys and {{placeholders}} as the English catalog (checked by the compiler and
// by test/unit/catalogs.test.ts).
import type { Translation } from "../catalog.ts";
import type en from "../en/alerts.ts";

export default {} satisfies Translation<typeof en>;
