/* The scoring rule, the same as quiz/scoring.py (a property test keeps them identical). */

/**
 * Score answers by the rule of quiz/scoring.py.
 * @param {{thresholds: Object<string, number>, minDefinite: number, flags: Array}} data the island
 * @param {Map<string, string>} answers question id -> option id; missing means unanswered
 * @returns {{band: string, score: ?number, flags: Array, dealbreakers: Array, definite: number, total: number}}
 */
function score(data, answers) {
  let weighted = 0;
  let weightTotal = 0;
  let definiteTotal = 0;
  let total = 0;
  const flags = [];
  const dealbreakers = [];
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
    }
    definiteTotal += definite;
    const ratio = definite ? points / maximum : null;
    if (ratio !== null) {
      weighted += flag.weight * ratio;
      weightTotal += flag.weight;
    }
    flags.push({ id: flag.id, score: ratio === null ? null : roundHalfUp(100 * ratio) });
  }
  const overall = weightTotal ? roundHalfUp((100 * weighted) / weightTotal) : null;
  return {
    band: band(data, overall, definiteTotal, total, dealbreakers.length > 0),
    score: overall,
    flags: flags,
    dealbreakers: dealbreakers,
    definite: definiteTotal,
    total: total,
  };
}

/** The island's option chosen for a question, or undefined when unanswered or unknown. */
function chosenOption(question, answers) {
  const chosen = answers.get(question.id);
  return question.options.find((option) => option.id === chosen);
}

/** The flags the result explains, strongest first: all at or above high risk, at least minConcerns. */
function topConcerns(data, result) {
  const raised = result.flags.filter((flag) => flag.score !== null && flag.score > 0).sort((a, b) => b.score - a.score);
  const strong = raised.filter((flag) => flag.score >= data.thresholds["high-risk"]).length;
  return raised.slice(0, Math.max(strong, data.minConcerns));
}

function band(data, overall, definite, total, dealbreaker) {
  if (dealbreaker) return "walk-away";
  if (definite < data.minDefinite * total || overall === null) return "not-enough-info";
  const t = data.thresholds;
  if (overall < t["proceed-with-care"]) return "good-fit";
  if (overall < t["high-risk"]) return "proceed-with-care";
  if (overall < t["walk-away"]) return "high-risk";
  return "walk-away";
}

function roundHalfUp(x) {
  return Math.floor(x + 0.5);
}
