// What the bot remembers of a person beyond Slack: the language they chose, and until when they
// are away (routing skips them).

import { isAway } from "../domain/routing.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { LANGUAGES, type Lang } from "../i18n/i18n.ts";

export async function personLanguage(prisma: PrismaClient, userId: string): Promise<Lang | undefined> {
  const p = await prisma.person.findUnique({ where: { userId }, select: { language: true } });
  return LANGUAGES.find((l) => l === p?.language);
}

export async function setPersonLanguage(prisma: PrismaClient, userId: string, language: Lang): Promise<void> {
  await prisma.person.upsert({ where: { userId }, create: { userId, language }, update: { language } });
}

/** Until when the person is away, if they are at `now`. */
export async function awayOf(prisma: PrismaClient, userId: string, now: Date): Promise<Date | undefined> {
  const p = await prisma.person.findUnique({ where: { userId }, select: { awayUntil: true } });
  return p?.awayUntil && isAway({ awayUntil: p.awayUntil }, now) ? p.awayUntil : undefined;
}

/** Marks the person away until `until` (back by themselves then), or back now (null). */
export async function setAway(prisma: PrismaClient, userId: string, until: Date | null): Promise<void> {
  await prisma.person.upsert({ where: { userId }, create: { userId, awayUntil: until }, update: { awayUntil: until } });
}
