/* The Python reference's cases for a run, written by tests/test_js_units.py (CRF_CASES). */

import { readFileSync } from "node:fs";

const path = process.env.CRF_CASES;
if (!path) throw new Error("CRF_CASES is not set: run these through pytest (tests/test_js_units.py), which writes the cases from the Python reference");

/** Per language: `data`, the page's JSON island, and `rows`, answer sets with the reference's
    score and drafted message. */
export const cases = JSON.parse(readFileSync(path, "utf8"));
