/* The drafted message, as text: quiz/drafting.py line for line (plan, variants, compose), from
   the island's `messages`, the blocks in the page's language. A browser test and the node tests
   keep the two identical. No DOM: tests/js runs it in Node. */

import { chosenOption, topConcerns } from "./scoring.js";

/**
 * The message for a result: the same text and clauses as quiz/drafting.py's `draft`.
 * @param {Object} data the quiz island, with `messages` in the page's language
 * @param {{tone: string, timing: string, variant: ?string, name: string, terms: ?Object}} choice
 *   `terms`: the reader's own (deposit, payment-days, revisions, rush, signature); any left out
 *   are the island's `defaults`
 * @returns {{text: string, terms: string[]}}
 */
export function draftMessage(data, result, answers, choice) {
  const blocks = data.messages;
  const own = choice.terms || {};
  const [paragraphs, terms] = messageBody(blocks, messagePlan(data, result, answers, choice.variant), choice.tone, choice.timing);
  const greeting = blocks.greeting[choice.tone];
  const name = greetedName(blocks, choice.name, data.nameMax);
  const signature = greetedName({}, own.signature || "", data.nameMax);
  const opening = name ? greeting.named.split("{name}").join(name) : greeting.anonymous;
  // fill_terms(): each of the reader's terms, or its default
  const body = [...paragraphs, blocks["sign-off"][choice.tone]].join("\n\n").replace(/\{([a-z-]+)\}/g, (_, term) => own[term] ?? blocks.defaults[term]);
  return { text: opening + "\n\n" + body + (signature ? "\n" + signature : ""), terms: terms };
}

/** The variants a result allows: never fully-booked after a dealbreaker; work-started on a walk-away. */
export function messageVariants(result) {
  const walk = result.band === "walk-away";
  return (walk && result.dealbreaker ? [] : ["fully-booked"]).concat(walk ? ["work-started"] : []);
}

/** plan(): the concerns raised, the answers each names (a `seen` line: worth raising, most points
    first, maxSeen[number of concerns] each), the open questions (strongest flag, then heavier,
    then file order; without enough to go on, the basics first), the answers given. */
function messagePlan(data, result, answers, variant) {
  const blocks = data.messages;
  const scores = new Map(result.flags.map((flag) => [flag.id, flag.score || 0]));
  const basics = result.band === "not-enough-info" ? blocks.basics : [];
  const open = [];
  const given = []; // [flag id, "question:option", points, its `seen` line if any] of each answer given
  for (const flag of data.flags) {
    for (const question of flag.questions) {
      const option = chosenOption(question, answers);
      // a basic above any flag's score (0-100), the first highest
      if (!option || option.unsure) open.push([basics.includes(question.id) ? 1e3 - basics.indexOf(question.id) : scores.get(flag.id), flag.weight, question.id]);
      else given.push([flag.id, question.id + ":" + option.id, option.points, blocks.seen[question.id]?.[option.id]]);
    }
  }
  open.sort((a, b) => b[0] - a[0] || b[1] - a[1]); // stable: file order among equals
  given.sort((a, b) => b[2] - a[2]);
  const concerns = topConcerns(data, result).slice(0, blocks.maxConcerns).map((flag) => flag.id);
  return {
    band: result.band,
    reason: result.dealbreaker ? "dealbreaker" : "score",
    variant: messageVariants(result).includes(variant) ? variant : null,
    concerns: concerns,
    questions: open.slice(0, blocks.maxQuestions).map((item) => item[2]),
    // the validator holds `seen` lines to exactly the answers worth raising
    seen: concerns.map((id) => given.filter((item) => item[0] === id && item[3]).slice(0, blocks.maxSeen[concerns.length]).map((item) => item[3])),
    answered: given.map((item) => item[1]),
  };
}

/** _body(): the paragraphs between greeting and sign-off, and the clauses listed below. */
function messageBody(blocks, plan, tone, timing) {
  const say = (block) => (block[timing] || block)[tone]; // a text by timing and tone, or by tone alone
  const listed = (introduction, items) => [say(introduction), ...items].join("\n");
  const decline = blocks.decline;
  if (plan.variant === "fully-booked" || (plan.band === "walk-away" && !plan.variant)) {
    const why = decline[plan.variant || plan.reason];
    return [[[say(decline.opening), say(why.decline), say(why.closing)].join(" ")], []];
  }
  if (plan.variant) {
    const started = decline["work-started"];
    const reason = plan.reason;
    return [[say(started.opening) + " " + say(started.reason[reason]), say(started.settle), say(started.closing[reason])], started.terms];
  }
  if (plan.band === "good-fit") {
    const fit = blocks["good-fit"];
    const after = fit["usual-after"]; // the first by id of the answers given
    return [[say(fit.opening), say(after[Object.keys(after).sort().find((key) => plan.answered.includes(key))] || fit.usual), ...plan.concerns.slice(0, 1).map((flag) => say(blocks.flags[flag].settle)), say(fit.closing)], fit.terms];
  }
  const terms = messageTerms(blocks, plan);
  const numbered = plan.questions.map((id, index) => index + 1 + ". " + blocks.asks[id]);
  if (plan.band === "not-enough-info") {
    const unknown = blocks["not-enough-info"];
    return [[say(unknown.opening), listed(unknown.questions, numbered), say(unknown.closing)], terms];
  }
  const frame = blocks[plan.band];
  const asked = (block) => block["asked-by"].some((id) => plan.questions.includes(id));
  // each concern: the lines of what was seen, or the flag's paragraph unless a question says it
  const raised = plan.concerns.map((flag, index) => plan.seen[index].map(say).join(" ") || (asked(blocks.flags[flag]) ? "" : say(blocks.flags[flag].concern)));
  const paragraphs = [say(frame.opening), ...raised.filter(Boolean)];
  if (numbered.length) paragraphs.push(listed(blocks.review.questions, numbered));
  const lines = terms.filter((clause) => !asked(blocks.clauses[clause])).map((clause) => "- " + blocks.clauses[clause].line);
  if (lines.length) paragraphs.push(listed(frame.conditions || blocks.review.terms, lines));
  paragraphs.push(say(frame.closing));
  return [paragraphs, terms];
}

/** choose_terms(): round by round, each raised flag's next clause (from its seen lines' terms, or
    its own without any) that no answer given settles, each once, at most maxTerms. */
function messageTerms(blocks, plan) {
  const lists = plan.concerns.map((flag, index) => [...new Set(plan.seen[index].length ? plan.seen[index].flatMap((line) => line.terms) : blocks.flags[flag].terms)].filter((clause) => !blocks.clauses[clause]["settled-by"].some((key) => plan.answered.includes(key))));
  const chosen = [];
  for (let rank = 0; lists.some((list) => rank < list.length); rank += 1) {
    for (const list of lists) {
      if (rank < list.length && !chosen.includes(list[rank]) && chosen.length < blocks.maxTerms) chosen.push(list[rank]);
    }
  }
  return chosen;
}

/** fill_name(): whitespace collapsed as Python's str.split() does, the honorific the greeting adds dropped. */
function greetedName(blocks, name, nameMax) {
  let cleaned = name.split(/(?:[^\S\ufeff]|[\x1c-\x1f\x85])+/).filter(Boolean).join(" ");
  if (blocks.honorific && cleaned.endsWith(blocks.honorific)) cleaned = cleaned.slice(0, -blocks.honorific.length).replace(/ $/, "");
  return [...cleaned].slice(0, nameMax).join("");
}
