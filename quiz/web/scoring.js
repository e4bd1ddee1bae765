/* The scoring rule, the same as quiz/scoring.py (a property test keeps them identical). */

/** The bands a score can fall in, mildest first; not-enough-info stands outside this order. */
const SEVERITY = ["good-fit", "proceed-with-care", "high-risk", "walk-away"];

/**
 * Score answers by the rule of quiz/scoring.py.
 * @param {{thresholds: Object<string, number>, serious: Object<string, number>, minDefinite: number, flags: Array}} data the island
 * @param {Map<string, string>} answers question id -> option id; missing means unanswered
 * @returns {{band: string, score: ?number, average: ?number, flags: Array, dealbreakers: Array, raisedBy: Array, definite: number, total: number}}
 */
function score(data, answers) {
  let weighted = 0;
  let weightTotal = 0;
  let definiteTotal = 0;
  let total = 0;
  let serious = 0;
  const flags = [];
  const dealbreakers = [];
  const floors = []; // [band, "question:option"]
  const seriousFlags = [];
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
      if (option.dealbreaker) dealbreakers.push(question.id + ":" + option.id);
      if (option.least) floors.push([option.least, question.id + ":" + option.id]);
      if (option.points >= 2) {
        serious += option.points - 1;
        if (!seriousFlags.includes(flag.id)) seriousFlags.push(flag.id);
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
  const answerBand = floors.reduce((most, [least]) => moreSerious(most, least), "good-fit");
  const depth = moreSerious(answerBand, seriousBand(data, serious));
  const final = combine(breadth, depth);
  let raisedBy = [];
  if (dealbreakers.length) {
    raisedBy = dealbreakers; // a dealbreaker decides walk-away whatever the average says
  } else if (final !== breadth) {
    raisedBy = answerBand === final ? floors.filter(([least]) => least === final).map(([, key]) => key) : seriousFlags.map((id) => "flag:" + id);
  }
  return {
    band: final,
    score: agreeingScore(data, average, final),
    average: average,
    flags: flags,
    dealbreakers: dealbreakers,
    raisedBy: raisedBy,
    definite: definiteTotal,
    total: total,
  };
}

/** The island's option chosen for a question, or undefined when unanswered or unknown. */
function chosenOption(question, answers) {
  const chosen = answers.get(question.id);
  return question.options.find((option) => option.id === chosen);
}

/** The flags the result explains: those that raised the band first, then strongest first; all at
    or above high risk, at least minConcerns. */
function topConcerns(data, result) {
  const raising = raisedFlags(data, result);
  const raised = result.flags
    .filter((flag) => flag.score || raising.has(flag.id))
    .sort((a, b) => raising.has(b.id) - raising.has(a.id) || (b.score || 0) - (a.score || 0));
  const strong = raised.filter((flag) => raising.has(flag.id) || flag.score >= data.thresholds["high-risk"]).length;
  return raised.slice(0, Math.max(strong, data.minConcerns));
}

/** The ids of the flags of what raised the band. */
function raisedFlags(data, result) {
  const ids = new Set();
  for (const key of result.raisedBy) {
    if (key.startsWith("flag:")) ids.add(key.slice(5));
    else ids.add(data.flags.find((flag) => flag.questions.some((question) => key.startsWith(question.id + ":"))).id);
  }
  return ids;
}

/** The band of the average alone, or not-enough-info with too few definite answers. */
function band(data, overall, definite, total) {
  if (definite < data.minDefinite * total || overall === null) return "not-enough-info";
  const t = data.thresholds;
  if (overall < t["proceed-with-care"]) return "good-fit";
  if (overall < t["high-risk"]) return "proceed-with-care";
  if (overall < t["walk-away"]) return "high-risk";
  return "walk-away";
}

/** The least band that serious answers worth `serious` points together allow. */
function seriousBand(data, serious) {
  if (serious >= data.serious["walk-away"]) return "walk-away";
  if (serious >= data.serious["high-risk"]) return "high-risk";
  if (serious >= data.serious["proceed-with-care"]) return "proceed-with-care";
  return "good-fit";
}

/** The more serious of the two; too little known gives way only to high-risk or walk-away. */
function combine(breadth, depth) {
  if (breadth === "not-enough-info") return SEVERITY.indexOf(depth) >= SEVERITY.indexOf("high-risk") ? depth : breadth;
  return moreSerious(breadth, depth);
}

function moreSerious(a, b) {
  return SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a;
}

/** The average, brought into the band's own scores (quiz/scoring.py's _agreeing_score). */
function agreeingScore(data, average, final) {
  const index = SEVERITY.indexOf(final);
  if (average === null || index < 0) return average;
  const t = data.thresholds;
  const starts = [0, t["proceed-with-care"], t["high-risk"], t["walk-away"], 101];
  return Math.min(Math.max(average, starts[index]), starts[index + 1] - 1);
}

function roundHalfUp(x) {
  return Math.floor(x + 0.5);
}
