// English words of the bot: playbook. Keys are grouped by what they are for; {{name}} is filled in,
// a key ending in _one/_other is chosen by {{count}}.
export default {} as const;
