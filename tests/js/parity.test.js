/* scoring.js and drafting.js give what quiz/scoring.py and quiz/drafting.py give, in both
   languages, on seeded random answer sets (half without dealbreakers, some left unanswered, a
   third scored with the reader's own lines). */

import assert from "node:assert/strict";
import { test } from "node:test";

import { draftMessage } from "../../quiz/web/drafting.js";
import { score } from "../../quiz/web/scoring.js";
import { cases } from "./cases.js";

for (const [language, { data, rows }] of Object.entries(cases)) {
  test(`scores and bands agree with the Python reference (${language})`, () => {
    assert.ok(rows.length > 0);
    for (const row of rows) {
      const result = score(data, new Map(Object.entries(row.answers)), row.ownLines);
      const flags = Object.fromEntries(result.flags.map((flag) => [flag.id, flag.score]));
      const decided = { dealbreaker: result.dealbreaker, ownLines: result.ownLines };
      assert.deepEqual(
        { band: result.band, score: result.score, flags: flags, raisedBy: [...result.raisedBy].sort(), decided: decided },
        { band: row.band, score: row.score, flags: row.flags, raisedBy: row.raisedBy, decided: row.decided },
        JSON.stringify([row.answers, row.ownLines])
      );
    }
  });

  // The reference drafts without own lines (quiz/drafting.py, plan), so these do too.
  test(`drafted messages agree with the Python reference, word for word (${language})`, () => {
    for (const row of rows.filter((row) => row.ownLines.length === 0)) {
      const answers = new Map(Object.entries(row.answers));
      const draft = draftMessage(data, score(data, answers), answers, row.choice);
      assert.deepEqual({ text: draft.text, terms: draft.terms }, { text: row.text, terms: row.terms }, JSON.stringify(row));
    }
  });
}
