// English words of the bot: the team's vocabularies (case types, priorities, statuses,
// resolutions, root causes), the same labels as src/domain/vocabulary.ts.
import { CATEGORIES, PRIORITIES, RESOLUTIONS, ROOT_CAUSES, STATUSES } from "../../domain/vocabulary.ts";

export default {
  category: CATEGORIES,
  priority: PRIORITIES,
  status: STATUSES,
  resolution: RESOLUTIONS,
  rootCause: ROOT_CAUSES,
} as const;
