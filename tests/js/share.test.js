/* Share links (share.js): what is encoded comes back, and a tampered link is refused with a reason,
   never half read. */

import assert from "node:assert/strict";
import { test } from "node:test";

import { InputError } from "../../quiz/web/errors.js";
import { decodeShare, encodeShare } from "../../quiz/web/share.js";
import { cases } from "./cases.js";

const { data, rows } = cases.en;

test("a link gives back its answers and name", () => {
  for (const row of rows.slice(0, 50)) {
    const answers = new Map(Object.entries(row.answers));
    const decoded = decodeShare(data, encodeShare(data, answers, "Lumen Studio"));
    assert.deepEqual([...decoded.answers].sort(), [...answers].sort());
    assert.equal(decoded.name, "Lumen Studio");
  }
});

test("a link with no name carries none", () => {
  const fragment = encodeShare(data, new Map(), "");
  assert.ok(!new URLSearchParams(fragment).has("n"));
  assert.equal(decodeShare(data, fragment).name, "");
});

test("unknown questions and options are left out, the rest kept", () => {
  const question = data.flags[0].questions[0];
  const option = question.options[0].id;
  const decoded = decodeShare(data, `v=1&a=${question.key}.${option}_zzzzz.yes_${question.key}.no-such-option`);
  assert.deepEqual([...decoded.answers], [[question.id, option]]);
});

test("tampered links are refused with the reason the page shows", () => {
  const refused = (fragment, reason) =>
    assert.throws(() => decodeShare(data, fragment), (error) => error instanceof InputError && error.reason === reason, fragment);
  refused("", "reason.link");
  refused("v=x&a=", "reason.link");
  refused("v=2&a=", "reason.version");
  refused("v=01&a=", "reason.link");
  refused("v=12345&a=", "reason.link"); // a version of more than four digits is no version
  refused("a=", "reason.link"); // no version at all
  refused("v=1", "reason.link");
  refused("v=1&a=<script>", "reason.link");
  refused("v=1&a=" + "a".repeat(20001), "reason.link");
  refused(`v=1&a=&n=${"x".repeat(data.nameMax + 1)}`, "reason.link");
});
