/* The scoring rule, the same as quiz/scoring.py (a property test keeps them identical). */

/** The bands a score can fall in, mildest first; not-enough-info stands outside this order. */
const SEVERITY = ["good-fit", "proceed-with-care", "high-risk", "walk-away"];

/**
 * Score answers by the rule of quiz/scoring.py.
 * @param {{thresholds: Object<string, number>, serious: Object<string, number>, minDefinite: number, flags: Array}} data the island
 * @param {Map<string, string>} answers question id -> option id; missing means unanswered
 * @param {string[]} [ownLines] the reader's own lines, "question:option": each decides walk-away as a dealbreaker does
 * @returns {{band: string, score: ?number, flags: Array, dealbreaker: boolean, ownLines: string[], raisedBy: Array, raisedFlags: Set, definite: number, total: number}}
 */
export function score(data, answers, ownLines = []) {
  let weighted = 0;
  let weightTotal = 0;
  let definiteTotal = 0;
  let total = 0;
  let serious = 0;
  const flags = [];
  // [severity, "question:option", flag id, own line] of each answer that sets a band alone; an own
  // line that is not a dealbreaker is marked, and decides walk-away as a dealbreaker does
  const floors = [];
  const seriousFlags = new Set();
  for (const flag of data.flags) {
    let points = 0;
    let maximum = 0;
    let definite = 0;
    for (const question of flag.questions) {
      total += 1;
      const option = chosenOption(question, answers);
      if (!option || option.unsure) continue;
      points += option.points;
      maximum += question.max;
      definite += 1;
      const key = question.id + ":" + option.id;
      const own = !option.dealbreaker && ownLines.includes(key);
      if (option.least || own) floors.push([own ? 3 : SEVERITY.indexOf(option.least), key, flag.id, own]);
      if (option.points >= 2) {
        serious += option.points - 1;
        seriousFlags.add(flag.id);
      }
    }
    definiteTotal += definite;
    const ratio = definite ? points / maximum : null;
    if (ratio !== null) {
      weighted += flag.weight * ratio;
      weightTotal += flag.weight;
    }
    flags.push({ id: flag.id, score: ratio === null ? null : roundHalfUp(100 * ratio) });
  }
  const average = weightTotal ? roundHalfUp((100 * weighted) / weightTotal) : null;
  const breadth = band(data, average, definiteTotal, total);
  const alone = Math.max(0, ...floors.map(([least]) => least));
  const depth = Math.max(alone, SEVERITY.findLastIndex((id, index) => index && serious >= data.serious[id]));
  // Too little known gives way only to high-risk or walk-away; otherwise the more serious decides.
  const rank = breadth === "not-enough-info" ? (depth >= 2 ? depth : -1) : Math.max(SEVERITY.indexOf(breadth), depth);
  const final = rank < 0 ? breadth : SEVERITY[rank];
  // What raised the band: every dealbreaker and own line (each decides walk-away whatever the
  // average says); else, when depth decided, the answers that set it alone, or the flags whose
  // serious answers added up.
  let deciding = floors.filter(([least]) => least === 3);
  const own = deciding.filter((floor) => floor[3]).map(([, key]) => key);
  const dealbreaker = deciding.length > own.length;
  if (!deciding.length && final !== breadth) deciding = alone === rank ? floors.filter(([least]) => least === rank) : [...seriousFlags].map((id) => [, "flag:" + id, id]);
  // The score agrees with the band: the average, brought into the band's own scores.
  const starts = [0, ...SEVERITY.slice(1).map((id) => data.thresholds[id]), 101];
  return {
    band: final,
    score: average === null || rank < 0 ? average : Math.min(Math.max(average, starts[rank]), starts[rank + 1] - 1),
    flags: flags,
    dealbreaker: dealbreaker, // it decided: walk away and close the door
    ownLines: own, // the reader's own lines that decided, dealbreakers aside
    raisedBy: deciding.map(([, key]) => key),
    raisedFlags: new Set(deciding.map(([, , id]) => id)),
    definite: definiteTotal,
    total: total,
  };
}

/** The island's option chosen for a question, or undefined when unanswered or unknown. */
export function chosenOption(question, answers) {
  const chosen = answers.get(question.id);
  return question.options.find((option) => option.id === chosen);
}

/** The flags the result explains: those that raised the band first, then strongest first; all at
    or above high risk, at least minConcerns. */
export function topConcerns(data, result) {
  const raising = result.raisedFlags;
  const raised = result.flags
    .filter((flag) => flag.score || raising.has(flag.id))
    .sort((a, b) => raising.has(b.id) - raising.has(a.id) || b.score - a.score); // every one is known
  const strong = raised.filter((flag) => raising.has(flag.id) || flag.score >= data.thresholds["high-risk"]).length;
  return raised.slice(0, Math.max(strong, data.minConcerns));
}

/** The band of the average alone, or not-enough-info with too few definite answers. */
function band(data, overall, definite, total) {
  if (definite < data.minDefinite * total || overall === null) return "not-enough-info";
  return SEVERITY.findLast((id, index) => !index || overall >= data.thresholds[id]);
}

function roundHalfUp(x) {
  return Math.floor(x + 0.5);
}
