// The vocabularies in the reader's language (views call these instead of domain/vocabulary.ts's
// English labels). The keys are the database's values, so each has its catalog entry.
import type { CaseStatus, Category, Priority, Resolution, RootCause } from "../domain/vocabulary.ts";
import type { Key } from "./catalog.ts";
import type { Words } from "./i18n.ts";

export const categoryName = (w: Words, c: Category) => w.t(`vocabulary.category.${c}` as Key);
export const priorityName = (w: Words, p: Priority) => w.t(`vocabulary.priority.${p}` as Key);
export const statusName = (w: Words, s: CaseStatus) => w.t(`vocabulary.status.${s}` as Key);
export const resolutionName = (w: Words, r: Resolution) => w.t(`vocabulary.resolution.${r}` as Key);
export const rootCauseName = (w: Words, r: RootCause) => w.t(`vocabulary.rootCause.${r}` as Key);
