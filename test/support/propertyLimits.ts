// Every property test stops searching after a time limit. A property runs synchronously, so the
// test's own timeout cannot stop it: without this, a slow search (or the shrinking of a large
// counterexample) could hold the whole run. A counterexample found before the limit still fails
// the test, and so does one found while it is being shrunk.
import fc from "fast-check";

fc.configureGlobal({
  interruptAfterTimeLimit: Number(process.env.PROPERTY_TIME_LIMIT_MS) || 20_000,
  markInterruptAsFailure: false,
});
