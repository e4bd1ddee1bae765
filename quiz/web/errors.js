/* The one kind of error the widgets tell apart from a broken page (dom.js, required) or a bug. */

/** Untrusted input (a link, a file, stored data) was refused; `reason` is a string key. */
export class InputError extends Error {
  constructor(reason) {
    super(reason);
    this.name = "InputError";
    this.reason = reason;
  }
}
