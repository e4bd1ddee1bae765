/* The two kinds of error the widgets tell apart. quiz/site/assets.py wraps the modules of one
   page in a single strict-mode function, in a fixed order, so nothing leaks into the page's
   globals; this file comes first in every bundle. */

/** A required part of a page is missing or malformed. */
class QuizError extends Error {
  constructor(message) {
    super(message);
    this.name = "QuizError";
  }
}

/** Untrusted input (a link, a file, stored data) was refused; `reason` is a string key. */
class InputError extends Error {
  constructor(reason, values) {
    super(reason);
    this.name = "InputError";
    this.reason = reason;
    this.values = values || {};
  }
}
