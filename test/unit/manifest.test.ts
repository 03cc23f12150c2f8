import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { CALLBACKS, COMMAND } from "../../src/ids.ts";

const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));

describe("manifest.json", () => {
  it("validates against Slack's app manifest schema", () => {
    const schema = JSON.parse(
      readFileSync(new URL("../fixtures/slack-manifest.schema.1.0.0.json", import.meta.url), "utf8"),
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  });
  it("declares the command and shortcut the bot listens for, with the scopes they need", () => {
    expect(manifest.features.slash_commands.map((c: any) => c.command)).toEqual([COMMAND]);
    expect(manifest.features.shortcuts.map((s: any) => s.callback_id)).toEqual([CALLBACKS.messageShortcut]);
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(["commands", "chat:write", "files:read", "channels:history", "groups:history"]),
    );
    // Charts are uploaded (files:write), some into a person's direct messages (im:write).
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["files:write", "im:write"]));
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
