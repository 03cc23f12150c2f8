// What the bot remembers of a person beyond Slack: the language they chose.

import type { PrismaClient } from "../generated/prisma/client.ts";
import { LANGUAGES, type Lang } from "../i18n/i18n.ts";

export async function personLanguage(prisma: PrismaClient, userId: string): Promise<Lang | undefined> {
  const p = await prisma.person.findUnique({ where: { userId }, select: { language: true } });
  return LANGUAGES.find((l) => l === p?.language);
}

export async function setPersonLanguage(prisma: PrismaClient, userId: string, language: Lang): Promise<void> {
  await prisma.person.upsert({ where: { userId }, create: { userId, language }, update: { language } });
}
