/**
 * Before each workers test file (setupFiles), in the test runner's own context: the Workers' code,
 * then every module it imports lazily (packages/lazy-module). Under vitest's module runner an
 * import() is I/O owned by the runner, shared by concurrent callers; done at run time by a
 * Durable Object or a request, it hung another one now and then ("Cannot perform I/O on behalf of a
 * different request"). Loaded here first, the Workers never import at run time in tests, as bundled.
 */
import "./worker-under-test.js";
import { loadLazyModules } from "../../packages/lazy-module/lazy-module.js";

await loadLazyModules();
