// 简体中文: playbook. Same keys and {{placeholders}} as the English catalog (checked by the compiler and
// by test/unit/catalogs.test.ts).
import type { Translation } from "../catalog.ts";
import type en from "../en/playbook.ts";

export default {} satisfies Translation<typeof en>;
