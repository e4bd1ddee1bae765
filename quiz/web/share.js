/* Share links: a prospect's answers and name in the URL fragment, which browsers never send to
   a server. Each question's short key comes in the island from quiz/share.py. Quiz page only. */

import { InputError } from "./errors.js";

const SHARE_VERSION = "1";
const SHARE_PART = /^([0-9a-z]{5})\.([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** The URL fragment (without #) that carries a prospect's answers and name. */
export function encodeShare(data, answers, name) {
  const parts = [];
  for (const flag of data.flags) {
    for (const question of flag.questions) {
      if (answers.has(question.id)) parts.push(question.key + "." + answers.get(question.id));
    }
  }
  const params = new URLSearchParams();
  params.set("v", SHARE_VERSION);
  if (name) params.set("n", name);
  params.set("a", parts.join("_"));
  return params.toString();
}

/** Read a share fragment; unknown questions and options are left out, anything malformed throws. */
export function decodeShare(data, fragment) {
  const params = new URLSearchParams(fragment);
  const version = params.get("v");
  // Another version's link: a later one's says so; anything else, no version (null) included, is not a link.
  if (version !== SHARE_VERSION) throw new InputError(/^[0-9]{1,4}$/.test(version) && Number(version) > Number(SHARE_VERSION) ? "reason.version" : "reason.link");
  const encoded = params.get("a");
  const name = params.get("n") || "";
  if (encoded === null || encoded.length > 20000 || name.length > data.nameMax) throw new InputError("reason.link");
  const byKey = new Map();
  for (const flag of data.flags) for (const question of flag.questions) byKey.set(question.key, question);
  const answers = new Map();
  for (const part of encoded ? encoded.split("_") : []) {
    const match = SHARE_PART.exec(part);
    if (!match) throw new InputError("reason.link");
    const question = byKey.get(match[1]);
    if (question?.options.some((option) => option.id === match[2])) answers.set(question.id, match[2]);
  }
  return { answers: answers, name: name.trim() };
}
