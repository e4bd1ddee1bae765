/* The two kinds of error the widgets tell apart. */

/** A required part of a page is missing or malformed. */
export class QuizError extends Error {
  constructor(message) {
    super(message);
    this.name = "QuizError";
  }
}

/** Untrusted input (a link, a file, stored data) was refused; `reason` is a string key. */
export class InputError extends Error {
  constructor(reason, values) {
    super(reason);
    this.name = "InputError";
    this.reason = reason;
    this.values = values || {};
  }
}
